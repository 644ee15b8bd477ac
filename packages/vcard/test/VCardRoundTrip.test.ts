/**
 * The round trip: `fromVCard(toVCard(c))` is `c` within what a vCard holds — exactly `project(vcardCapabilities, c)`
 * (no field ids, E.164 derived again), timestamps to the second, and never the vendor's `remote` record.
 */
import { type Contact, project } from "@contactkit/domain"
import { contactArb } from "@contactkit/domain/testing"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import fc from "fast-check"
import { fromVCard, toVCard, vcardCapabilities } from "../src/index.ts"

const toSecond = (iso: string) => iso.replace(/\.\d+Z$/u, ".000Z")

const expected = (contact: Contact): Contact => {
  const { createdAt, remote: _, updatedAt, ...rest } = project(vcardCapabilities, contact).contact
  return {
    ...rest,
    ...(createdAt === undefined ? {} : { createdAt: toSecond(createdAt) }),
    ...(updatedAt === undefined ? {} : { updatedAt: toSecond(updatedAt) })
  }
}

describe("vCard round trip", () => {
  it("fromVCard(toVCard(c)) equals c within what vCard holds", () => {
    fc.assert(
      fc.property(contactArb, (contact) => {
        const back = Effect.runSync(fromVCard(toVCard(contact)))
        assert.deepStrictEqual(back, expected(contact))
      }),
      { numRuns: 300 }
    )
  })

  it("field ids do not survive, as vcardCapabilities declares", () => {
    const contact = {
      id: "1",
      kind: "individual",
      name: { given: "Ada" },
      organization: {},
      fields: [{ _tag: "Email", id: "f1", address: "ada@example.com" }]
    } as unknown as Contact
    const back = Effect.runSync(fromVCard(toVCard(contact)))
    assert.deepStrictEqual(back.fields, [{ _tag: "Email", address: "ada@example.com" }])
  })
})
