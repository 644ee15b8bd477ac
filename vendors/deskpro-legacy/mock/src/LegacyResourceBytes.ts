/**
 * A person resource's UTF-8, kept per person row: a search page is up to 250 people, each with their e-mails,
 * contact data and organization, and building and serialising each again for every request was most of a page's
 * own time. The resource reads other rows too (the primary e-mail, the organization, each e-mail and record), so
 * the bytes keep the rows they were made from and are used only while the request's state holds those very rows
 * (compared by identity, one lookup each, as rendering needs anyway); otherwise they are made again. The bytes
 * are exactly `JSON.stringify` of `personResource` and of the search body (tested).
 */
import { jsonBytesResponse } from "@contactkit/mock-platform"
import { personResource } from "./LegacyResources.ts"
import type { LegacyState, PersonRow } from "./LegacyState.ts"
import { rowOf } from "./LegacyState.ts"

interface Kept {
  readonly rows: ReadonlyArray<object | undefined>
  readonly bytes: Uint8Array
}

const kept = new WeakMap<PersonRow, Kept>()

/** Every row `personResource` reads besides the person, in a fixed order (missing ones as `undefined`). */
const embeddedRows = (state: LegacyState, person: PersonRow): Array<object | undefined> => {
  const rows: Array<object | undefined> = [
    person.primaryEmailId === null ? undefined : rowOf(state.emails, person.primaryEmailId),
    person.organizationId === null ? undefined : rowOf(state.organizations, person.organizationId)
  ]
  for (const id of person.emailIds) rows.push(rowOf(state.emails, id))
  for (const id of person.detailIds) rows.push(rowOf(state.details, id))
  return rows
}

const sameRows = (a: ReadonlyArray<object | undefined>, b: ReadonlyArray<object | undefined>) => {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** The UTF-8 of `JSON.stringify(personResource(state, person))`. */
export const personBytes = (state: LegacyState, person: PersonRow): Uint8Array => {
  const rows = embeddedRows(state, person)
  const known = kept.get(person)
  if (known !== undefined && sameRows(known.rows, rows)) return known.bytes
  const bytes = Buffer.from(JSON.stringify(personResource(state, person)))
  kept.set(person, { rows, bytes })
  return bytes
}

/**
 * A JSON answer: `envelope` with `people` last, keyed by id as `keyedById` writes it (`[]` when there are none).
 * An object's integer keys serialise in ascending order whatever their insertion order, so the people are joined
 * in id order.
 */
export const peopleResponse = (envelope: object, state: LegacyState, people: ReadonlyArray<PersonRow>) => {
  const text = JSON.stringify({ ...envelope, people: [] })
  if (people.length === 0) return jsonBytesResponse(200, Buffer.from(text))
  const chunks: Array<Uint8Array> = [Buffer.from(`${text.slice(0, -3)}{`)]
  const ordered = [...people].sort((a, b) => a.id - b.id)
  for (let i = 0; i < ordered.length; i++) {
    const person = ordered[i] as PersonRow
    chunks.push(Buffer.from(`${i === 0 ? "" : ","}"${person.id}":`), personBytes(state, person))
  }
  chunks.push(Buffer.from("}}"))
  return jsonBytesResponse(200, Buffer.concat(chunks))
}
