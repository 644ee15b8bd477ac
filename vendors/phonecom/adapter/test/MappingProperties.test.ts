/**
 * Properties of PhonecomMapping against what Phone.com's server does (`echo`):
 * - a draft PhonecomCapabilities accepts comes back from Phone.com exactly as `project` says;
 * - any valid wire contact reads without throwing into a contact the domain and Phone.com accept;
 * - writing back what was read keeps every value Phone.com stored (and the group);
 * - the values Phone.com stores that the domain cannot hold fail `validate` at their own paths.
 */
import { Contact, type ContactDraft, project, toDraft, validate } from "@contactkit/domain"
import { contactDraftArb } from "@contactkit/domain/testing"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit, Schema } from "effect"
import fc from "fast-check"
import { PhonecomCapabilities, type PhonecomContact, PhonecomMapping } from "../src/index.ts"
import { anyTimestampArb, outsideDomainArb, phonecomDraftArb, wireContactArb } from "./arbitraries.ts"
import { echo } from "./echo.ts"

const runs = { numRuns: 300 }
const { toContact, toPhonecomInput } = PhonecomMapping

const accepted = (draft: ContactDraft) => Exit.isSuccess(Effect.runSyncExit(validate(PhonecomCapabilities, draft)))
const isContact = Schema.is(Contact)
const body = (c: ContactDraft): ContactDraft => toDraft(c)

/** What writing back a wire contact must send: every stored value, the documented defaults filled in. */
const storedValues = (wire: PhonecomContact): unknown => {
  const value = (v: string | null | undefined) => v === undefined || v === null || v === "" ? null : v
  return {
    prefix: value(wire.prefix),
    first_name: value(wire.first_name),
    middle_name: value(wire.middle_name),
    last_name: value(wire.last_name),
    suffix: value(wire.suffix),
    nickname: value(wire.nickname),
    company: value(wire.company),
    phonetic_first_name: value(wire.phonetic_first_name),
    phonetic_middle_name: value(wire.phonetic_middle_name),
    phonetic_last_name: value(wire.phonetic_last_name),
    department: value(wire.department),
    job_title: value(wire.job_title),
    emails: (wire.emails ?? []).map((e) => ({ type: e.type ?? "primary", email: e.email })),
    phone_numbers: (wire.phone_numbers ?? []).map((p) => ({ type: p.type ?? "home", number: p.number })),
    addresses: (wire.addresses ?? []).map((a) => ({
      type: a.type ?? "home",
      street: value(a.street),
      city: value(a.city),
      state: value(a.state),
      zip: value(a.zip),
      country: value(a.country)
    })),
    ...(wire.group === undefined || wire.group === null ? {} : { group: { id: wire.group.id } })
  }
}

describe("PhonecomMapping properties", () => {
  it("every Phone.com-shaped draft is accepted (the generator stays inside the capabilities)", () =>
    fc.assert(fc.property(phonecomDraftArb, (draft) => assert.isTrue(accepted(draft))), runs))

  it("an accepted draft reads back from Phone.com exactly as project says", () => {
    let checked = 0
    fc.assert(
      fc.property(fc.oneof(phonecomDraftArb, contactDraftArb), (draft) => {
        const exit = Effect.runSyncExit(validate(PhonecomCapabilities, draft))
        if (Exit.isFailure(exit)) return
        checked += 1
        const stored = toContact(echo(toPhonecomInput(exit.value), { id: 7 }))
        assert.deepStrictEqual(body(stored), body(project(PhonecomCapabilities, draft).contact))
      }),
      runs
    )
    // Most drafts of the domain generator hold online services or links; the Phone.com one always passes.
    assert.isAtLeast(checked, runs.numRuns / 2)
  })

  it("project's origins say which draft field each stored field came from", () =>
    fc.assert(
      fc.property(phonecomDraftArb, (draft) => {
        const projection = project(PhonecomCapabilities, draft)
        const stored = toContact(echo(toPhonecomInput(draft)))
        assert.strictEqual(stored.fields.length, projection.origins.length)
        projection.origins.forEach((origin, i) =>
          assert.strictEqual(stored.fields[i]!._tag, draft.fields[origin]!._tag)
        )
      }),
      runs
    ))

  it("any valid wire contact reads without throwing into a contact Phone.com would accept", () =>
    fc.assert(
      fc.property(wireContactArb, (wire) => {
        const contact = toContact(wire)
        assert.isTrue(isContact(contact), "decodes as a domain Contact")
        assert.strictEqual(contact.id, String(wire.id))
        assert.deepStrictEqual(contact.remote, { vendor: "phonecom", record: wire })
        assert.isTrue(accepted(toDraft(contact)), "validate accepts it")
      }),
      runs
    ))

  it("writing back what was read keeps every value Phone.com stored, and the group", () =>
    fc.assert(
      fc.property(wireContactArb, (wire) => {
        assert.deepStrictEqual(toPhonecomInput(toContact(wire), wire), storedValues(wire))
      }),
      runs
    ))

  it("reading is stable: what was written back reads as the same contact", () =>
    fc.assert(
      fc.property(wireContactArb, (wire) => {
        const contact = toContact(wire)
        const again = toContact(echo(toPhonecomInput(contact, wire), { id: wire.id }))
        assert.deepStrictEqual(body(again), body(contact))
      }),
      runs
    ))

  it("a timestamp of any number never throws: outside 1970…9999 it is absent", () =>
    fc.assert(
      fc.property(anyTimestampArb, anyTimestampArb, (created_at, updated_at) => {
        const contact = toContact({ id: 1, created_at, updated_at })
        assert.isTrue(isContact(contact))
        assert.strictEqual(contact.createdAt === undefined, !(created_at >= 0 && created_at <= 253402300799))
      }),
      runs
    ))

  // Why "any valid wire contact passes validate" needs the generator's limits: Phone.com keeps
  // e-mail addresses without a syntax check and numbers and zips up to 255 characters; the domain
  // allows only e-mail addresses, numbers up to 64 and postcodes up to 32. Such a contact still
  // reads (nothing throws, nothing is dropped), and validate names exactly those values.
  it("values Phone.com stores beyond the domain read as they are and fail validate at their paths", () =>
    fc.assert(
      fc.property(outsideDomainArb, ({ email, number, zip }) => {
        const wire: PhonecomContact = {
          id: 5,
          emails: [{ type: "primary", email: "ok@example.org" }, { type: "alternate", email }],
          phone_numbers: [{ type: "home", number }],
          addresses: [{ type: "home", zip }]
        }
        const contact = toContact(wire)
        assert.deepStrictEqual(toPhonecomInput(contact, wire), storedValues(wire))
        const error = Effect.runSync(Effect.flip(validate(PhonecomCapabilities, toDraft(contact))))
        assert.strictEqual(error._tag, "InvalidContact")
        const paths = new Set(error.issues.map((i) => JSON.stringify(i.path)))
        assert.deepStrictEqual(
          [...paths].sort(),
          [["fields", 1, "address"], ["fields", 2, "number"], ["fields", 3, "postcode"]].map((p) => JSON.stringify(p))
        )
      }),
      { numRuns: 50 }
    ))
})
