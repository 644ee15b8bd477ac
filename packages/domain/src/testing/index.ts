/**
 * @contactkit/domain/testing — what tests of the domain and of adapters share: fast-check
 * arbitraries for valid contacts, fields, patches and vendor Capabilities.
 */
export * from "./Arbitraries.ts"
