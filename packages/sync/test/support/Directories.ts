/**
 * Reaching a mock through the port from a test, outside the sync: filling a source with generated people,
 * changing and deleting them, and reading a target back. Contacts are compared by a canonical form written here,
 * independently of the sync's own content hash.
 */
import { type Contact, ContactDirectory, type ContactDraft, project, toDraft } from "@contactkit/domain"
import type { Vendor } from "@contactkit/vendor-kit"
import { generatedPerson } from "@contactkit/vendor-kit"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { Context, Effect, Layer, Redacted, type Scope, Stream } from "effect"

/** The vendor's adapter at a mock origin with its demo credential, no client-side limit, over undici as a runner is. */
export const directoryAt = (
  vendor: Vendor,
  origin: string
): Effect.Effect<ContactDirectory.Service, never, Scope.Scope> =>
  Effect.map(
    Layer.build(
      vendor.atMock(`${origin}${vendor.apiPath}`, Redacted.make(vendor.mockApiKey), { rateLimit: false }).pipe(
        Layer.provide(NodeHttpClient.layerUndici)
      )
    ),
    (context) => Context.get(context, ContactDirectory)
  )

/**
 * The i-th generated person, with the number in the family name: generated names repeat every 90 people, and a
 * target that cannot hold a person's fields must still tell two of them apart.
 */
export const person = (i: number): ContactDraft => {
  const p = generatedPerson(i)
  return {
    kind: "individual",
    name: { given: p.first, family: `${p.last}${i}` },
    organization: { name: p.company },
    fields: [
      { _tag: "Email", address: p.email, context: "work" },
      { _tag: "Phone", number: p.phone, features: ["voice"] }
    ]
  }
}

/** Creates people `from` … `from + count - 1` at `directory` through the port. */
export const populate = (directory: ContactDirectory.Service, count: number, from = 0) =>
  Effect.forEach(
    Array.from({ length: count }, (_, i) => from + i),
    (i) => Effect.map(directory.create(person(i)), (result) => result.contact),
    { concurrency: 8 }
  )

export const listAll = (directory: ContactDirectory.Service) =>
  Effect.map(Stream.runCollect(directory.list()), (chunk) => Array.from(chunk))

const sortedKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sortedKeys)
    : value !== null && typeof value === "object"
    ? Object.fromEntries(
      Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)).map((
        [k, v]
      ) => [k, sortedKeys(v)])
    )
    : value

/** A contact's content as a comparable string: no ids, fields as a sorted list. */
export const canonicalOf = (contact: Contact | ContactDraft): string => {
  const draft = toDraft(contact)
  const fields = draft.fields.map(({ id: _, ...field }) => JSON.stringify(sortedKeys(field))).sort()
  return JSON.stringify(sortedKeys({ kind: draft.kind, name: draft.name, organization: draft.organization, fields }))
}

/** What `target` should hold of these source contacts: their projections, as canonical strings. */
export const expectedAt = (target: Vendor, sources: ReadonlyArray<Contact>): ReadonlyArray<string> =>
  sources.map((contact) => canonicalOf(project(target.capabilities, toDraft(contact)).contact))
