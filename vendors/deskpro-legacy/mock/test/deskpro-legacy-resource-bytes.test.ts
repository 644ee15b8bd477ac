/**
 * A person's kept bytes (`LegacyResourceBytes.ts`) are byte for byte `JSON.stringify(personResource(...))` after
 * any sequence of writes to the people, their e-mails, contact data and organizations — so bytes kept for rows
 * that have since changed never show through — and a search body is the serialisation of its envelope with the
 * people keyed by id, in whatever order they are given.
 */
import { assert, describe, it } from "@effect/vitest"
import type { HttpBody } from "effect/http"
import * as fc from "fast-check"
import { contactTypes } from "../src/LegacyContactData.ts"
import { peopleResponse, personBytes } from "../src/LegacyResourceBytes.ts"
import { keyedById, personResource } from "../src/LegacyResources.ts"
import type { LegacyState, PersonRow } from "../src/LegacyState.ts"
import {
  emptyState,
  peopleOf,
  rowOf,
  withDetail,
  withEmail,
  withEmailRow,
  withOrganization,
  withoutDetail,
  withoutEmail,
  withPerson
} from "../src/LegacyState.ts"

// Text with what JSON escapes: quotes, backslashes, control characters, non-ASCII and lone surrogates.
const text = fc.string({ unit: "binary", maxLength: 8 })

// One write, to the person at `who` (by position among the people, when there are any).
const operation = fc.oneof(
  fc.record({ op: fc.constant("person" as const), name: text }),
  fc.record({ op: fc.constant("rename" as const), who: fc.nat(), name: text }),
  fc.record({ op: fc.constant("email" as const), who: fc.nat(), address: text }),
  fc.record({ op: fc.constant("comment" as const), who: fc.nat(), comment: text }),
  fc.record({ op: fc.constant("dropEmail" as const), who: fc.nat() }),
  fc.record({
    op: fc.constant("detail" as const),
    who: fc.nat(),
    type: fc.constantFrom(...contactTypes),
    field: text
  }),
  fc.record({ op: fc.constant("dropDetail" as const), who: fc.nat() }),
  fc.record({ op: fc.constant("organization" as const), who: fc.nat(), name: text })
)
type Operation = typeof operation extends fc.Arbitrary<infer A> ? A : never

const apply = (state: LegacyState, step: Operation, now: number): LegacyState => {
  if (step.op === "person") {
    const id = state.sequences.person + 1
    const person: PersonRow = {
      id,
      helpdesk: 1,
      name: step.name,
      firstName: step.name,
      lastName: "",
      summary: "",
      organizationId: null,
      organizationPosition: "",
      timezone: "UTC",
      isDisabled: false,
      disableAutoresponses: false,
      labels: [step.name],
      primaryEmailId: null,
      emailIds: [],
      detailIds: [],
      createdAt: now
    }
    return withPerson({ ...state, sequences: { ...state.sequences, person: id } }, person)
  }
  const people = peopleOf(state, 1)
  const person = people[step.who % Math.max(people.length, 1)]
  if (person === undefined) return state
  switch (step.op) {
    case "rename":
      return withPerson(state, { ...person, name: step.name, summary: step.name })
    case "email":
      return withEmail(state, person, `${step.address}@x.org`, step.address, now)[2]
    case "comment": {
      const email = person.emailIds[0] === undefined ? undefined : rowOf(state.emails, person.emailIds[0])
      return email === undefined ? state : withEmailRow(state, { ...email, comment: step.comment })
    }
    case "dropEmail":
      return person.emailIds[0] === undefined ? state : withoutEmail(state, person, person.emailIds[0])
    case "detail": {
      const fields = [step.field, "", "", "", "", "", "", "", "", ""] as const
      return withDetail(state, person, { type: step.type, comment: step.field, fields })[2]
    }
    case "dropDetail":
      return person.detailIds[0] === undefined ? state : withoutDetail(state, person, person.detailIds[0])
    case "organization": {
      const [organization, next] = withOrganization(state, 1, step.name, now)
      return withPerson(next, { ...person, organizationId: organization.id })
    }
  }
}

const bodyOf = (response: { readonly body: unknown }) =>
  new TextDecoder().decode((response.body as HttpBody.Uint8Array).body)

describe("Deskpro Legacy people as bytes", () => {
  it("are JSON.stringify(personResource(...)) after any writes, and a search body keys them by id", () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), fc.integer({ min: 0, max: 2 ** 31 }), (steps, seed) => {
        let state = emptyState
        for (const [i, step] of steps.entries()) {
          state = apply(state, step, 1_700_000_000_000 + i * 1000)
          // Reading after every write keeps bytes for rows that the next writes replace.
          for (const person of peopleOf(state, 1)) {
            assert.strictEqual(
              new TextDecoder().decode(personBytes(state, person)),
              JSON.stringify(personResource(state, person))
            )
          }
        }
        const people = peopleOf(state, 1)
        // Any order in: the keyed object's integer keys come out in ascending order.
        const shuffled = [...people].sort((a, b) => ((a.id * 7919 + seed) % 101) - ((b.id * 7919 + seed) % 101))
        const envelope = { page: 1, per_page: 25, total: people.length, cache_id: seed }
        assert.strictEqual(
          bodyOf(peopleResponse(envelope, state, shuffled)),
          JSON.stringify({ ...envelope, people: keyedById(shuffled, (person) => personResource(state, person)) })
        )
      }),
      { numRuns: 200 }
    )
  })
})
