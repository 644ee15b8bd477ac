/**
 * @contactkit/adapter-kit/testing — what adapters' tests share: the property a hand-written page check must have
 * to stand in for the schema's decoder (`PageCheckProperty`).
 */
export * from "./PageCheckProperty.ts"
