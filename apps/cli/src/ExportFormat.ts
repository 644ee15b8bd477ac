/**
 * The formats contacts leave in, each written one contact at a time so an export never holds the account:
 * `jscontact` (a JSON array of RFC 9553 Cards), `ndjson` (one Card a line) and `vcard` (vCard 4, RFC 6350).
 * The vendor's own record (`remote`) is never exported.
 */
import { type Contact, toCard } from "@contactkit/domain"
import { toVCard } from "@contactkit/vcard"

export const exportFormats = ["jscontact", "ndjson", "vcard"] as const
export type ExportFormat = typeof exportFormats[number]

export interface FormatWriter {
  readonly begin: string
  /** The text for the `index`-th contact (0-based), separators included. */
  readonly item: (contact: Contact, index: number) => string
  /** Closes the document; `count` contacts were written. */
  readonly end: (count: number) => string
}

export const formatWriter = (format: ExportFormat): FormatWriter => {
  switch (format) {
    case "jscontact":
      return {
        begin: "[",
        item: (contact, index) => `${index === 0 ? "\n" : ",\n"}${JSON.stringify(toCard(contact))}`,
        end: (count) => count === 0 ? "]\n" : "\n]\n"
      }
    case "ndjson":
      return { begin: "", item: (contact) => `${JSON.stringify(toCard(contact))}\n`, end: () => "" }
    case "vcard":
      return { begin: "", item: (contact) => toVCard(contact), end: () => "" }
  }
}
