/** The Monica v4 mock vendor module. */
export { makeMonica, monica, monicaTokens, renderMonicaError } from "./Monica.ts"
export type { MonicaOptions } from "./Monica.ts"
