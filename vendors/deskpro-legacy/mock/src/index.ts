/** The Deskpro Legacy mock vendor module. */
export { deskproLegacy, makeDeskproLegacy } from "./DeskproLegacy.ts"
export type { DeskproLegacyOptions } from "./DeskproLegacy.ts"
