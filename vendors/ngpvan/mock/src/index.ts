/** @contactkit/mock-ngpvan: the NGP VAN (NGP API v2 contacts) mock vendor module for `@contactkit/mock-platform`. */
export { ngpvan } from "./Ngpvan.ts"
export { contactIdOf } from "./NgpvanIds.ts"
