/**
 * @contactkit/vcard — vCard 4 (RFC 6350) and 3 ↔ the contactkit domain model, through ical.js: `toVCard`,
 * `readVCard` / `fromVCard`, a line splitter for files of many cards, and `vcardCapabilities` (what a vCard holds,
 * so `project(vcardCapabilities, c)` is exactly what `fromVCard(toVCard(c))` returns).
 */
export { vcardCapabilities } from "./VCardCapabilities.ts"
export { fromVCard, fromVCardTimestamp, readVCard } from "./VCardRead.ts"
export type { VCardRead } from "./VCardRead.ts"
export { makeVCardSplitter } from "./VCardSplitter.ts"
export type { VCardSplitter } from "./VCardSplitter.ts"
export { toVCard, toVCardTimestamp } from "./VCardWrite.ts"
