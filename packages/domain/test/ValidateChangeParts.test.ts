/**
 * `validateChange`, part by part: what counts as a part the change left untouched (a field in
 * any position, with or without its vendor id; a name or organisation component; the kind), what
 * counts as altered, and how a kind that grows past its maximum is reported.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { type Capabilities, lossless } from "../src/Capabilities.ts"
import type { ContactDraft } from "../src/Contact.ts"
import type { ContactField } from "../src/ContactField.ts"
import type { FieldId } from "../src/ContactId.ts"
import { validateChange } from "../src/ValidateChange.ts"

const draft = (fields: ReadonlyArray<ContactField>, rest: Partial<ContactDraft> = {}): ContactDraft => ({
  kind: "individual",
  name: { given: "Ada" },
  organization: {},
  fields,
  ...rest
})

/** What a vendor may hold that the domain refuses: an address that is no e-mail address. */
const unchecked: ContactField = { _tag: "Email", address: "not an e-mail" }
const badAddress = "must be an e-mail address"

describe("validateChange: untouched fields", () => {
  it.effect("a field sent back in another position, or without or with a vendor id, is untouched", () =>
    Effect.gen(function*() {
      const good: ContactField = { _tag: "Email", address: "ada@example.com" }
      const before = draft([unchecked, good])
      const moved = yield* validateChange(lossless, before, draft([good, unchecked]))
      assert.deepStrictEqual(moved.fields, [good, unchecked])
      const withId = draft([{ ...unchecked, id: "e1" as FieldId }])
      yield* validateChange(lossless, withId, draft([unchecked]))
      yield* validateChange(lossless, draft([unchecked]), withId)
    }))

  it.effect("a field that gains a key, changes one or loses one is altered, and held to every rule", () =>
    Effect.gen(function*() {
      const before = draft([{ ...unchecked, context: "home" }])
      const changes: ReadonlyArray<ContactField> = [
        { ...unchecked, context: "home", label: "Private" },
        { ...unchecked, context: "work" },
        unchecked
      ]
      for (const changed of changes) {
        const error = yield* Effect.flip(validateChange(lossless, before, draft([changed])))
        assert.strictEqual(error._tag, "InvalidContact")
        assert.deepStrictEqual(error.issues, [{ path: ["fields", 0, "address"], message: badAddress }])
      }
    }))

  it.effect("a field whose features give way to a label is altered, though it has as many keys", () =>
    Effect.gen(function*() {
      const before = draft([{ _tag: "Phone", number: "", features: ["voice"] }])
      const after = draft([{ _tag: "Phone", number: "", label: "Home" }])
      const error = yield* Effect.flip(validateChange(lossless, before, after))
      assert.deepStrictEqual(error.issues.map((i) => i.path), [["fields", 0, "number"]])
    }))

  it.effect("what the vendor cannot hold at all is reported even when untouched", () =>
    Effect.gen(function*() {
      const noAim: Capabilities = {
        ...lossless,
        vendor: "no-aim",
        fields: { ...lossless.fields, OnlineService: { ...lossless.fields.OnlineService, services: ["skype"] } }
      }
      const before = draft([{ _tag: "OnlineService", service: "aim", user: "ada" }])
      const error = yield* Effect.flip(validateChange(noAim, before, { ...before, name: { given: "Augusta" } }))
      assert.strictEqual(error._tag, "Unsupported")
      assert.deepStrictEqual(error.issues, [{
        path: ["fields", 0, "service"],
        message: "no-aim does not support the service \"aim\" (only \"skype\")"
      }])
    }))

  it.effect("succeeds with phones' E.164 derived", () =>
    Effect.gen(function*() {
      const after = draft([{ _tag: "Phone", number: "(202) 555-0123" }])
      const valid = yield* validateChange(lossless, draft([]), after)
      assert.deepStrictEqual(valid.fields, [{ _tag: "Phone", number: "(202) 555-0123", e164: "+12025550123" }])
    }))
})

describe("validateChange: name, organisation and kind", () => {
  const short: Capabilities = { ...lossless, vendor: "short", nameMaxLength: 5, requiredName: ["family"] }
  const tooLong = "must be at most 5 characters for short"

  it.effect("an over-long component held unchanged passes; changed, it is reported", () =>
    Effect.gen(function*() {
      const before = draft([], { name: { given: "Augusta", family: "Byron" }, organization: { name: "Analytical" } })
      yield* validateChange(short, before, { ...before, organization: { name: "Analytical", title: "Chief" } })
      const renamed = yield* Effect.flip(validateChange(short, before, { ...before, name: { given: "Augustus" } }))
      // The family name is cleared too, so the required component is reported with the changed one.
      assert.deepStrictEqual(renamed.issues, [
        { path: ["name", "given"], message: tooLong },
        { path: ["name", "family"], message: "is required by short" }
      ])
      const moved = yield* Effect.flip(
        validateChange(short, before, { ...before, organization: { name: "Analytica" } })
      )
      assert.deepStrictEqual(moved.issues, [{ path: ["organization", "name"], message: tooLong }])
    }))

  it.effect("a required component missing before and after is no new problem", () =>
    Effect.gen(function*() {
      const before = draft([], { name: { given: "Ada" } })
      const valid = yield* validateChange(short, before, draft([], { name: { given: "Alan" } }))
      assert.deepStrictEqual(valid.name, { given: "Alan" })
    }))

  it.effect("a kind the domain refuses passes while held unchanged, and is reported once it is new", () =>
    Effect.gen(function*() {
      const held = draft([], { kind: "team" as ContactDraft["kind"] })
      yield* validateChange(lossless, held, { ...held, name: { given: "Augusta" } })
      const error = yield* Effect.flip(validateChange(lossless, draft([]), held))
      assert.strictEqual(error._tag, "InvalidContact")
      assert.deepStrictEqual(error.issues.map((i) => i.path), [["kind"]])
    }))
})

describe("validateChange: counts", () => {
  const twoEmails: Capabilities = {
    ...lossless,
    vendor: "two-emails",
    fields: { ...lossless.fields, Email: { ...lossless.fields.Email, maxCount: 2, maxLength: 20 } }
  }
  /** Over maxLength: the vendor holds it, but `project` would reject it and so not count it. */
  const long = (n: number): ContactField => ({ _tag: "Email", address: `held-long-address-${n}@example.com` })
  const email = (n: number): ContactField => ({ _tag: "Email", address: `a${n}@example.com` })
  const phone = (n: number): ContactField => ({ _tag: "Phone", number: `(202) 555-010${n}` })

  it.effect("a contact that already holds more than the maximum can still be renamed", () =>
    Effect.gen(function*() {
      const before = draft([email(1), long(1), long(2)])
      yield* validateChange(twoEmails, before, { ...before, name: { given: "Augusta" } })
    }))

  it.effect("a kind may grow up to its maximum, counted apart from the other kinds", () =>
    Effect.gen(function*() {
      const before = draft([long(1), phone(1), phone(2)])
      yield* validateChange(twoEmails, before, draft([long(1), phone(1), phone(2), email(1)]))
    }))

  it.effect("growing past the maximum is reported at the first field too many", () =>
    Effect.gen(function*() {
      const before = draft([long(1), phone(1), phone(2)])
      const error = yield* Effect.flip(
        validateChange(twoEmails, before, draft([long(1), phone(1), phone(2), email(1), email(2)]))
      )
      assert.strictEqual(error._tag, "Unsupported")
      assert.deepStrictEqual(error.issues, [{
        path: ["fields", 4],
        message: "two-emails keeps at most 2 Email fields"
      }])
    }))

  it.effect("a new value problem and a count are reported together, as InvalidContact", () =>
    Effect.gen(function*() {
      const before = draft([long(1)])
      const error = yield* Effect.flip(
        validateChange(twoEmails, before, draft([long(1), email(1), unchecked]))
      )
      assert.strictEqual(error._tag, "InvalidContact")
      assert.deepStrictEqual(error.issues, [
        { path: ["fields", 2, "address"], message: badAddress },
        { path: ["fields", 2], message: "two-emails keeps at most 2 Email fields" }
      ])
    }))
})
