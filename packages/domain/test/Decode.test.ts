import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import fc from "fast-check"
import { formatIssue } from "../src/ContactError.ts"
import { decodeContactDraft, decodeContactField, decodeContactPatch } from "../src/Decode.ts"
import { contactDraftArb } from "../src/testing/Arbitraries.ts"

const draft = (fields: ReadonlyArray<unknown>, extra: object = {}) => ({
  kind: "individual",
  name: { given: "Ada" },
  organization: {},
  fields,
  ...extra
})

const messages = (input: unknown) =>
  decodeContactDraft(input).pipe(Effect.flip, Effect.map((e) => e.issues.map(formatIssue)))

describe("decodeContactDraft", () => {
  it.effect("names the path and the rule of a bad e-mail address", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(decodeContactDraft(draft([{ _tag: "Email", address: "not-an-email" }])))
      assert.strictEqual(error._tag, "InvalidContact")
      assert.deepStrictEqual(error.issues, [{ path: ["fields", 0, "address"], message: "must be an e-mail address" }])
      assert.strictEqual(error.message, "at [\"fields\"][0][\"address\"]: must be an e-mail address")
    }))

  it.effect("reports every issue at once, in readable words", () =>
    Effect.gen(function*() {
      const found = yield* messages({
        kind: "robot",
        name: { given: "" },
        fields: [
          { _tag: "Phone" },
          { _tag: "Fax", number: "1" },
          { _tag: "Link", uri: "example.com" },
          { _tag: "Address", countryCode: "gb" }
        ]
      })
      assert.deepStrictEqual(found, [
        "at [\"kind\"]: Expected \"individual\" | \"organization\"",
        "at [\"name\"][\"given\"]: Expected a value with a length of at least 1",
        "at [\"organization\"]: is required",
        "at [\"fields\"][0][\"number\"]: is required",
        "at [\"fields\"][1]: must be a field with _tag \"Email\", \"Phone\", \"Address\", \"OnlineService\", \"Link\"",
        "at [\"fields\"][2][\"uri\"]: must be an absolute URI such as https://example.com",
        "at [\"fields\"][3][\"countryCode\"]: must be an ISO 3166-1 alpha-2 code"
      ])
      for (const message of found) assert.notInclude(message, "    at ")
    }))

  it.effect("rejects input that is not an object with one issue at the root", () =>
    Effect.gen(function*() {
      assert.deepStrictEqual(yield* messages("hello"), ["at []: Expected object"])
      assert.deepStrictEqual(yield* messages(null), ["at []: Expected object"])
    }))

  it.effect("derives E.164 for phones, with the default region US", () =>
    Effect.gen(function*() {
      const decoded = yield* decodeContactDraft(draft([
        { _tag: "Phone", number: "(202) 555-0123" },
        { _tag: "Phone", number: "12" }
      ]))
      assert.deepStrictEqual(decoded.fields, [
        { _tag: "Phone", number: "(202) 555-0123", e164: "+12025550123" },
        // Junk is kept as entered: it simply has no E.164 form.
        { _tag: "Phone", number: "12" }
      ])
    }))

  it.effect("derives E.164 for a vendor documentation's example, (999) 999-9999", () =>
    Effect.gen(function*() {
      const decoded = yield* decodeContactDraft(draft([{ _tag: "Phone", number: "(999) 999-9999" }]))
      assert.deepStrictEqual(decoded.fields, [{ _tag: "Phone", number: "(999) 999-9999", e164: "+19999999999" }])
    }))

  it.effect("gives no E.164 to text too short or too long for the region", () =>
    Effect.gen(function*() {
      const decoded = yield* decodeContactDraft(draft([
        { _tag: "Phone", number: "999" },
        { _tag: "Phone", number: "ext. 12" },
        { _tag: "Phone", number: "202 555 0123 4567 89" }
      ]))
      assert.deepStrictEqual(decoded.fields.map((f) => "e164" in f), [false, false, false])
    }))

  it.effect("uses the region it is given for national numbers", () =>
    Effect.gen(function*() {
      const decoded = yield* decodeContactDraft(draft([{ _tag: "Phone", number: "020 7123 4567" }]), { region: "GB" })
      assert.deepStrictEqual(decoded.fields, [{ _tag: "Phone", number: "020 7123 4567", e164: "+442071234567" }])
    }))

  it.effect("keeps an E.164 form the input already has", () =>
    Effect.gen(function*() {
      const decoded = yield* decodeContactDraft(draft([{ _tag: "Phone", number: "x", e164: "+442071234567" }]))
      assert.deepStrictEqual(decoded.fields, [{ _tag: "Phone", number: "x", e164: "+442071234567" }])
    }))

  it.effect("accepts every generated draft unchanged but for derived E.164", () =>
    Effect.sync(() =>
      fc.assert(
        fc.property(contactDraftArb, (d) => {
          const decoded = Effect.runSync(decodeContactDraft(JSON.parse(JSON.stringify(d))))
          assert.deepStrictEqual(decoded, d)
        }),
        { numRuns: 200 }
      )
    ))
})

describe("decodeContactPatch", () => {
  it.effect("accepts null to clear a component and derives E.164 in replaced fields", () =>
    Effect.gen(function*() {
      const patch = yield* decodeContactPatch({
        name: { given: null, family: "Byron" },
        fields: [{ _tag: "Phone", number: "202-555-0199" }]
      })
      assert.deepStrictEqual(patch, {
        name: { given: null, family: "Byron" },
        fields: [{ _tag: "Phone", number: "202-555-0199", e164: "+12025550199" }]
      })
    }))

  it.effect("names the path of a bad component", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(decodeContactPatch({ name: { given: 3 }, kind: "alien" }))
      assert.deepStrictEqual(error.issues.map((i) => i.path), [["kind"], ["name", "given"]])
      assert.strictEqual(error.issues[1]?.message, "Expected string | null")
    }))
})

describe("decodeContactField", () => {
  it.effect("decodes one field and derives E.164", () =>
    Effect.gen(function*() {
      const field = yield* decodeContactField({ _tag: "Phone", number: "+1 650 253 0000", features: ["voice"] })
      assert.deepStrictEqual(field, {
        _tag: "Phone",
        number: "+1 650 253 0000",
        e164: "+16502530000",
        features: ["voice"]
      })
    }))

  it.effect("reports a bad service with its path", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(decodeContactField({ _tag: "OnlineService", service: "myspace" }))
      assert.deepStrictEqual(error.issues.map((i) => i.path), [["service"]])
      assert.include(error.issues[0]?.message ?? "", "\"whatsapp\"")
    }))
})
