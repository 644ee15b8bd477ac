/** The Monica v4 mock vendor module. */
export { makeMonica, monica } from "./Monica.ts"
export type { MonicaOptions } from "./Monica.ts"
