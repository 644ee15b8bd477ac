/**
 * A stored person's wire form as UTF-8, made once per person: stored people are immutable (every write makes a new
 * object) and `personToWire` reads nothing else, so the bytes are kept by the person object (`perRow`) and go with
 * it. A list page, or one person's envelope, joins them with what is built per request (`meta`, the side-loaded
 * organizations in `linked`). The bytes are exactly those of `JSON.stringify` of the envelope (tested).
 */
import { perRow } from "@contactkit/mock-platform"
import { personToWire, type StoredPerson } from "./DeskproState.ts"

export const personBytes = perRow((person: StoredPerson): Uint8Array =>
  Buffer.from(JSON.stringify(personToWire(person)))
)

const dataOpen = Buffer.from(`{"data":`)

/** `JSON.stringify({ data: personToWire(person), ...rest })`, where `rest` has no `data`. */
export const envelopeBytes = (person: StoredPerson, rest: object): Uint8Array => {
  const members = JSON.stringify(rest).slice(1)
  return Buffer.concat([dataOpen, personBytes(person), Buffer.from(members === "}" ? members : `,${members}`)])
}
