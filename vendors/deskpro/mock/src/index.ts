/** @contactkit/mock-deskpro: the Deskpro v2 mock vendor module, served by `@contactkit/mock-platform`. */
export { deskpro, makeDeskpro } from "./Deskpro.ts"
export type { DeskproOptions } from "./Deskpro.ts"
