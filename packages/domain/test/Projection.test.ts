import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import fc from "fast-check"
import { type Capabilities, lossless, unsupportedField } from "../src/Capabilities.ts"
import type { ContactDraft } from "../src/Contact.ts"
import type { ContactField } from "../src/ContactField.ts"
import { project, type Projection, rejectionIssues, validate } from "../src/Projection.ts"
import { capabilitiesArb, contactArb, contactDraftArb } from "../src/testing/Arbitraries.ts"

/** A restrictive vendor: two e-mails, one typed phone, no labels, no online services. */
const restrictive: Capabilities = {
  ...lossless,
  vendor: "restrictive",
  kinds: ["individual"],
  name: ["given", "family"],
  requiredName: ["given"],
  nameMaxLength: 10,
  organization: ["name"],
  fieldOrder: ["Phone", "Email"],
  fields: {
    ...lossless.fields,
    Email: { ...lossless.fields.Email, maxCount: 2, maxLength: 30, labels: { _tag: "None" }, contexts: ["work"] },
    Phone: {
      ...lossless.fields.Phone,
      requiresE164: true,
      features: ["voice", "mobile"],
      labels: { _tag: "Enum", values: ["Main", "Mobile"] },
      preferred: false,
      fieldIds: false,
      uniqueBy: "context"
    },
    OnlineService: { ...lossless.fields.OnlineService, services: ["skype", "twitter"] },
    Address: unsupportedField(),
    Link: { ...lossless.fields.Link, readable: false, linkKinds: ["website"] }
  }
}

const contact = (fields: ReadonlyArray<ContactField>, rest: Partial<ContactDraft> = {}): ContactDraft => ({
  kind: "individual",
  name: { given: "Ada", family: "Lovelace" },
  organization: {},
  fields,
  ...rest
})

describe("project", () => {
  it("keeps everything a lossless vendor holds, deriving E.164", () => {
    const draft = contact([
      { _tag: "Email", address: "ada@example.com", label: "Personal", context: "home", preferred: true },
      { _tag: "Phone", number: "(202) 555-0123", features: ["fax"] }
    ])
    const { contact: projected, losses, rejected } = project(lossless, draft)
    assert.deepStrictEqual(losses, [])
    assert.deepStrictEqual(rejected, [])
    assert.deepStrictEqual(projected.fields[1], {
      _tag: "Phone",
      number: "(202) 555-0123",
      e164: "+12025550123",
      features: ["fax"]
    })
  })

  it("names every loss by path and drops what validate would reject", () => {
    const draft = contact([
      { _tag: "Email", address: "a@example.com", label: "Private", context: "home" },
      { _tag: "Phone", number: "(202) 555-0123", label: "MOBILE", features: ["voice", "fax"], preferred: true },
      { _tag: "Email", address: "b@example.com", context: "work" },
      { _tag: "Email", address: "c@example.com" },
      { _tag: "Address", locality: "London" },
      { _tag: "OnlineService", service: "whatsapp", user: "ada" },
      { _tag: "Link", uri: "https://ada.example", kind: "blog" }
    ], { kind: "organization", name: { given: "Ada", middle: "King", family: "Lovelace-Byron" } })
    const { contact: projected, losses, rejected, origins } = project(restrictive, draft)
    assert.strictEqual(projected.kind, "individual")
    assert.deepStrictEqual(projected.name, { given: "Ada" })
    // Phones come first (fieldOrder), then e-mails; the third e-mail is over maxCount.
    assert.deepStrictEqual(origins, [1, 0, 2])
    assert.deepStrictEqual(projected.fields, [
      { _tag: "Phone", number: "(202) 555-0123", e164: "+12025550123", label: "Mobile", features: ["voice"] },
      { _tag: "Email", address: "a@example.com" },
      { _tag: "Email", address: "b@example.com", context: "work" }
    ])
    assert.deepStrictEqual(losses.map((l) => l.path), [
      ["kind"],
      ["name", "middle"],
      ["name", "family"],
      ["fields", 0, "label"],
      ["fields", 0, "context"],
      ["fields", 1, "features"],
      ["fields", 1, "preferred"],
      ["fields", 3],
      ["fields", 4],
      ["fields", 5, "service"],
      ["fields", 6, "kind"],
      ["fields", 6]
    ])
    assert.deepStrictEqual(rejected.map((r) => [r.path, r.reason]), [
      [["name", "family"], "InvalidContact"],
      [["fields", 3], "Unsupported"],
      [["fields", 4], "Unsupported"],
      [["fields", 5, "service"], "Unsupported"]
    ])
    assert.strictEqual(
      losses.find((l) => l.path.join() === "fields,5,service")?.message,
      "restrictive does not support the service \"whatsapp\" (only \"skype\", \"twitter\")"
    )
  })

  it("works on a Contact, keeping its id and timestamps", () => {
    const stored = { ...contact([]), id: "7" as never, createdAt: "2026-01-01T00:00:00.000Z" }
    const { contact: projected } = project(restrictive, stored)
    assert.strictEqual(projected.id, "7")
    assert.strictEqual(projected.createdAt, "2026-01-01T00:00:00.000Z")
  })

  it("applies a vendor's normalize after the generic rules, its losses under the field's path", () => {
    const oneType: Capabilities = {
      ...lossless,
      fields: {
        ...lossless.fields,
        Phone: {
          ...lossless.fields.Phone,
          // One type per number, so only the first feature survives.
          normalize: (phone) =>
            (phone.features ?? []).length <= 1 ? { field: phone, losses: [] } : {
              field: { ...phone, features: phone.features!.slice(0, 1) },
              losses: [{ path: ["features"], message: "only one phone type" }]
            }
        }
      }
    }
    const { contact: projected, losses } = project(
      oneType,
      contact([{ _tag: "Phone", number: "12", features: ["fax", "voice"] }])
    )
    assert.deepStrictEqual(projected.fields, [{ _tag: "Phone", number: "12", features: ["fax"] }])
    assert.deepStrictEqual(losses, [{ path: ["fields", 0, "features"], message: "only one phone type" }])
  })

  it("keeps field ids only where the vendor has them", () => {
    const draft = contact([
      { _tag: "Email", id: "e1" as never, address: "a@example.com" },
      { _tag: "Phone", id: "p1" as never, number: "(202) 555-0123" }
    ])
    const { contact: projected } = project(restrictive, draft)
    assert.deepStrictEqual(projected.fields.map((f) => f.id), [undefined, "e1"])
  })
})

describe("a vendor that trims text", () => {
  const trimming: Capabilities = { ...lossless, vendor: "trimming", trimsText: true, requiredName: ["given"] }

  it("loses the surrounding spaces, drops blank optional text, and names each loss", () => {
    const draft = contact([
      { _tag: "Email", address: " ada@example.com ", label: "  " },
      { _tag: "Address", street: "  ", locality: " London" }
    ], { name: { given: " Ada", nickname: "   " } })
    const { contact: kept, losses, rejected } = project(trimming, draft)
    assert.deepStrictEqual(kept.name, { given: "Ada" })
    assert.deepStrictEqual(kept.fields, [
      { _tag: "Email", address: "ada@example.com" },
      { _tag: "Address", locality: "London" }
    ])
    assert.deepStrictEqual(rejected, [])
    assert.deepStrictEqual(losses.map((l) => l.path), [
      ["name", "given"],
      ["name", "nickname"],
      ["fields", 0, "address"],
      ["fields", 0, "label"],
      ["fields", 1, "street"],
      ["fields", 1, "locality"]
    ])
  })

  it.effect("rejects a required value that is blank once trimmed", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(
        validate(trimming, contact([{ _tag: "Phone", number: "   " }], { name: { given: "  " } }))
      )
      assert.strictEqual(error._tag, "InvalidContact")
      assert.sameDeepMembers(error.issues.map((i) => i.path), [["name", "given"], ["fields", 0, "number"]])
    }))
})

describe("a vendor with a primary field, service groups and one-of requirements", () => {
  const grouped: Capabilities = {
    ...lossless,
    vendor: "grouped",
    fieldOrder: ["Email", "OnlineService"],
    serviceOrder: [["whatsapp", "skype"], ["twitter"]],
    fields: {
      ...lossless.fields,
      Email: { ...lossless.fields.Email, singlePreferred: true },
      Address: { ...lossless.fields.Address, requiresOneOf: ["street", "locality"] },
      OnlineService: { ...lossless.fields.OnlineService, requiresOneOf: ["user", "uri"] }
    }
  }
  const email = (address: string, preferred?: boolean): ContactField =>
    preferred === undefined ? { _tag: "Email", address } : { _tag: "Email", address, preferred }

  it("marks the first e-mail preferred when none is", () => {
    const { contact: kept, losses } = project(grouped, contact([email("a@example.com"), email("b@example.com")]))
    assert.deepStrictEqual(kept.fields, [email("a@example.com", true), email("b@example.com")])
    assert.deepStrictEqual(losses, [])
  })

  it("keeps the first preferred e-mail and names the other preferred ones as losses", () => {
    const draft = contact([email("a@example.com"), email("b@example.com", true), email("c@example.com", true)])
    const { contact: kept, losses } = project(grouped, draft)
    assert.deepStrictEqual(kept.fields, [email("a@example.com"), email("b@example.com", true), email("c@example.com")])
    assert.deepStrictEqual(losses.map((l) => l.path), [["fields", 2, "preferred"]])
  })

  it("groups online services in the declared order, each group in the order written", () => {
    const draft = contact([
      { _tag: "OnlineService", service: "twitter", user: "t1" },
      { _tag: "OnlineService", service: "skype", user: "s1" },
      { _tag: "OnlineService", service: "facebook", user: "f1" },
      { _tag: "OnlineService", service: "whatsapp", user: "w1" },
      email("a@example.com")
    ])
    const { origins } = project(grouped, draft)
    assert.deepStrictEqual(origins, [4, 1, 3, 0, 2])
  })

  it.effect("rejects a field with none of the values it needs one of", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(validate(
        grouped,
        contact([
          { _tag: "Address", country: "France" },
          { _tag: "OnlineService", service: "skype" },
          { _tag: "Address", postcode: "75001", locality: "Paris" }
        ])
      ))
      assert.strictEqual(error._tag, "InvalidContact")
      assert.deepStrictEqual(error.issues.map((i) => i.path), [["fields", 0], ["fields", 1]])
      assert.include(error.issues[0]!.message, "street, locality")
    }))
})

describe("a vendor with one field per type", () => {
  // The vendor's phone type comes from context and features: mobile and fax numbers are their own types.
  const typeOf = (phone: Extract<ContactField, { readonly _tag: "Phone" }>) =>
    phone.features?.includes("mobile") ? "MOBILE" : phone.features?.includes("fax") ? "FAX" : phone.context ?? "MAIN"
  const typed: Capabilities = {
    ...lossless,
    vendor: "typed",
    fields: { ...lossless.fields, Phone: { ...lossless.fields.Phone, uniqueBy: "type", typeOf } }
  }
  const phone = (
    number: string,
    rest: Partial<Extract<ContactField, { readonly _tag: "Phone" }>> = {}
  ): ContactField => ({
    _tag: "Phone",
    number,
    ...rest
  })

  it("keeps fields of different types, even without a context between them", () => {
    const { rejected } = project(typed, contact([phone("2025550100"), phone("2025550101", { features: ["mobile"] })]))
    assert.deepStrictEqual(rejected, [])
  })

  it.effect("rejects the later field of a type already taken, naming the type", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(validate(
        typed,
        contact([
          phone("2025550100", { features: ["mobile"] }),
          phone("2025550101", { context: "home" }),
          phone("2025550102", { context: "work", features: ["mobile"] })
        ])
      ))
      assert.strictEqual(error._tag, "Unsupported")
      assert.deepStrictEqual(error.issues.map((i) => i.path), [["fields", 2]])
      assert.include(error.issues[0]!.message, "fields[0] is also of type \"MOBILE\"")
    }))
})

describe("a vendor that requires an e-mail, refuses some values and reads the name itself", () => {
  // Keeps one `name` and splits it at its last space; refuses e-mail addresses that are not ASCII.
  const splitting: Capabilities = {
    ...lossless,
    vendor: "splitting",
    name: ["given", "family"],
    requiredName: ["given"],
    normalizeParts: ({ name, organization }) => {
      const text = name.full ?? [name.given, name.family].filter((p) => p !== undefined).join(" ")
      const cut = text.lastIndexOf(" ")
      const split = cut < 0 ? { given: text } : { given: text.slice(0, cut), family: text.slice(cut + 1) }
      // The parts it does not derive stay for the component rules to judge.
      const { full: _, given: _g, family: _f, ...others } = name
      const parts = { ...others, ...Object.fromEntries(Object.entries(split).filter(([, v]) => v !== "")) }
      const losses = name.full === undefined ? [] : [{ path: ["name", "full"], message: "split into given and family" }]
      return { name: parts, organization, losses }
    },
    fields: {
      ...lossless.fields,
      Email: {
        ...lossless.fields.Email,
        minCount: 1,
        normalize: (email) =>
          /^[\x21-\x7e]+$/u.test(email.address)
            ? { field: email, losses: [] }
            : { field: email, losses: [], rejected: [{ path: ["address"], message: "must be ASCII" }] }
      }
    }
  }
  const email: ContactField = { _tag: "Email", address: "ada@example.com" }

  it("reads the name as the vendor gives it back, and checks the required part against that", () => {
    const { contact: kept, losses, rejected } = project(
      splitting,
      contact([email], { name: { full: "Mary Ann Van Dyke", nickname: "M" } })
    )
    assert.deepStrictEqual(kept.name, { given: "Mary Ann Van", family: "Dyke" })
    assert.deepStrictEqual(losses.map((l) => l.path), [["name", "full"], ["name", "nickname"]])
    assert.deepStrictEqual(rejected, [])
    const blank = project(splitting, contact([email], { name: {} }))
    assert.deepStrictEqual(blank.rejected.map((r) => [r.path, r.reason]), [[["name", "given"], "InvalidContact"]])
  })

  it.effect("rejects a contact with fewer e-mails than required, and a value the vendor's normalize refuses", () =>
    Effect.gen(function*() {
      const none = yield* Effect.flip(validate(splitting, contact([{ _tag: "Link", uri: "https://example.com" }])))
      assert.strictEqual(none._tag, "InvalidContact")
      assert.deepStrictEqual(none.issues.map((i) => i.path), [["fields"]])
      assert.include(none.issues[0]!.message, "at least 1 Email field")
      const refused = project(splitting, contact([{ _tag: "Email", address: "zoë@example.com" }, email]))
      assert.deepStrictEqual(refused.rejected.map((r) => r.path), [["fields", 0, "address"]])
      assert.deepStrictEqual(refused.origins, [1])
      // The refused one was the only e-mail: then the minimum is not met either.
      const only = project(splitting, contact([{ _tag: "Email", address: "zoë@example.com" }]))
      assert.deepStrictEqual(only.rejected.map((r) => r.path), [["fields", 0, "address"], ["fields"]])
    }))
})

describe("validate", () => {
  it.effect("fails with InvalidContact carrying every issue when a value rule is broken", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(validate(
        restrictive,
        contact([
          { _tag: "Email", address: "a-very-long-address-indeed@example.com" },
          { _tag: "Phone", number: "12" },
          { _tag: "Address", locality: "London" }
        ], { name: { family: "Lovelace" } })
      ))
      assert.strictEqual(error._tag, "InvalidContact")
      assert.deepStrictEqual(error.issues, [
        { path: ["name", "given"], message: "is required by restrictive" },
        { path: ["fields", 0, "address"], message: "must be at most 30 characters for restrictive" },
        {
          path: ["fields", 1, "number"],
          message: "must be a phone number with an E.164 form (such as +12025550123) for restrictive"
        },
        { path: ["fields", 2], message: "restrictive cannot store Address fields" }
      ])
    }))

  it.effect("fails with Unsupported when only capabilities are exceeded", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(validate(
        restrictive,
        contact([
          { _tag: "Phone", number: "(202) 555-0123", context: "work" },
          { _tag: "Phone", number: "(202) 555-0124", context: "work" },
          { _tag: "OnlineService", service: "aim" }
        ])
      ))
      assert.strictEqual(error._tag, "Unsupported")
      assert.deepStrictEqual(error.issues.map((i) => i.path), [["fields", 1], ["fields", 2, "service"]])
      assert.include(error.issues[0]?.message ?? "", "fields[0]")
    }))

  it.effect("checks the domain Schemas too, so a typed but malformed value never reaches a vendor", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(validate(
        lossless,
        contact([{ _tag: "Email", address: "not an e-mail" }, { _tag: "Phone", number: "" }])
      ))
      assert.strictEqual(error._tag, "InvalidContact")
      assert.deepStrictEqual(error.issues.map((i) => i.path), [["fields", 0, "address"], ["fields", 1, "number"]])
      assert.include(error.message, "must be an e-mail address")
    }))

  it.effect("reports Schema issues and capability rejections together", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(validate(
        restrictive,
        contact([{ _tag: "Email", address: "not an e-mail" }, { _tag: "Address", locality: "London" }])
      ))
      assert.strictEqual(error._tag, "InvalidContact")
      assert.deepStrictEqual(error.issues.map((i) => i.path), [["fields", 0, "address"], ["fields", 1]])
    }))

  it.effect("succeeds with the draft itself, E.164 derived, even when parts would be lost", () =>
    Effect.gen(function*() {
      const draft = contact([{ _tag: "Phone", number: "(202) 555-0123", label: "Home" }])
      const valid = yield* validate(restrictive, draft)
      assert.deepStrictEqual(valid.fields, [
        { _tag: "Phone", number: "(202) 555-0123", label: "Home", e164: "+12025550123" }
      ])
    }))
})

const runs = { numRuns: 500 }
const anyContact = fc.oneof(contactDraftArb, contactArb as fc.Arbitrary<ContactDraft>)

// The four rules below hold for any vendor and any contact. One property draws the pairs for all four: drawing a
// random vendor and contact costs more than checking the four rules on it, and each rule still meets 500 pairs.

/** Projecting a projection loses nothing more. */
const projectIsIdempotent = (capabilities: Capabilities, once: Projection<ContactDraft>) => {
  const twice = project(capabilities, once.contact)
  assert.deepStrictEqual(twice.losses, [])
  assert.deepStrictEqual(twice.contact, once.contact)
}

/** `validate` fails exactly when `project` rejects something, with exactly those issues. */
const validateFailsOnRejections = (capabilities: Capabilities, c: ContactDraft, once: Projection<ContactDraft>) => {
  const { losses, rejected } = once
  const exit = Effect.runSyncExit(validate(capabilities, c))
  if (rejected.length === 0) return assert.isTrue(Exit.isSuccess(exit))
  assert.isTrue(Exit.isFailure(exit))
  const error = Effect.runSync(Effect.flip(validate(capabilities, c)))
  assert.deepStrictEqual(error.issues, rejectionIssues(rejected))
  assert.strictEqual(
    error._tag,
    rejected.some((r) => r.reason === "InvalidContact") ? "InvalidContact" : "Unsupported"
  )
  // Everything rejected was dropped, except a required name component that was never there.
  for (const r of rejected) {
    if (r.path[0] === "name" && c.name[r.path[1] as keyof ContactDraft["name"]] === undefined) continue
    assert.isTrue(losses.some((l) => l.path.join("/") === r.path.join("/")), JSON.stringify(r))
  }
}

/** `validate` accepts every projection, unless a required name component is missing. */
const validateAcceptsProjection = (capabilities: Capabilities, once: Projection<ContactDraft>) => {
  const exit = Effect.runSyncExit(validate(capabilities, once.contact))
  if (Exit.isSuccess(exit)) return
  const error = Effect.runSync(Effect.flip(validate(capabilities, once.contact)))
  for (const issue of error.issues) {
    assert.strictEqual(issue.path[0], "name")
    assert.strictEqual(issue.message, `is required by ${capabilities.vendor}`)
  }
}

/** A vendor without required names accepts every projection. */
const withoutRequiredNamesAcceptsProjection = (generated: Capabilities, c: ContactDraft) => {
  const { requiredName: _, ...capabilities } = generated
  assert.isTrue(Exit.isSuccess(Effect.runSyncExit(validate(capabilities, project(capabilities, c).contact))))
}

describe("properties over random vendors", () => {
  it(
    "project is idempotent; validate fails exactly when project rejects something, with exactly those issues; " +
      "validate accepts every projection, unless a required name component is missing; " +
      "a vendor without required names accepts every projection",
    () =>
      fc.assert(
        fc.property(capabilitiesArb, anyContact, (capabilities, c) => {
          const once = project(capabilities, c)
          projectIsIdempotent(capabilities, once)
          validateFailsOnRejections(capabilities, c, once)
          validateAcceptsProjection(capabilities, once)
          withoutRequiredNamesAcceptsProjection(capabilities, c)
        }),
        runs
      )
  )

  it("lossless loses nothing from any valid contact", () =>
    fc.assert(
      fc.property(anyContact, (c) => {
        const { losses, rejected } = project(lossless, c)
        assert.deepStrictEqual([losses, rejected], [[], []])
      }),
      runs
    ))
})
