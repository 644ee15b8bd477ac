/**
 * The registry of mock vendors: the only file that names them all. The CLI serves every entry.
 */
import { monica } from "./monica/Monica.ts"
import { phonecom } from "./phonecom/Phonecom.ts"

export const vendors = { phonecom, monica }
