import { layer as mockLayer } from "@contactkit/mock-platform"
import { assert, describe, layer } from "@effect/vitest"
import { Effect } from "effect"
import { ngpvan } from "../src/index.ts"
import { basic, call, callNoRedirect, contacts, keyA, keyB, lefty } from "./support.ts"

const idPattern = /^VN[0-9A-Z]{9}$/u

const email = (address: string, type: string) => ({ address, type })
const person = (first: string, last: string, extra: Record<string, unknown> = {}) => ({
  type: "INDIVIDUAL",
  firstName: first,
  lastName: last,
  ...extra
})

layer(mockLayer(ngpvan, { port: 0 }))("NGP VAN mock", (it) => {
  describe("the issue's Done-when", () => {
    it.effect("Lefty McDonkey: 201 with a contactId, again 200 with the same id, tenant B cannot read him", () =>
      Effect.gen(function*() {
        const first = yield* call("POST", contacts, { key: keyA, body: lefty })
        assert.strictEqual(first.status, 201)
        assert.match(first.json.contactId, idPattern)
        assert.deepStrictEqual(Object.keys(first.json), ["contactId"])
        const again = yield* call("POST", contacts, { key: keyA, body: lefty })
        assert.strictEqual(again.status, 200)
        assert.strictEqual(again.json.contactId, first.json.contactId)
        const read = yield* call("GET", `${contacts}/${first.json.contactId}`, { key: keyA })
        assert.strictEqual(read.status, 200)
        assert.strictEqual(read.json.firstName, "Lefty")
        assert.strictEqual(read.json.emails.length, 1, "the merge kept one MAIN email")
        assert.deepStrictEqual(read.json.contactCodes.map((c: { contactCodeId: number }) => c.contactCodeId), [
          37653,
          1022,
          27
        ])
        const other = yield* call("GET", `${contacts}/${first.json.contactId}`, { key: keyB })
        assert.strictEqual(other.status, 404)
        assert.deepStrictEqual(other.json, {
          errors: [{ code: "NOT_FOUND", text: "The specified resource cannot be found." }]
        })
        const listB = yield* call("GET", `${contacts}?$top=200`, { key: keyB })
        assert.isFalse(listB.json.items.some((c: { contactId: string }) => c.contactId === first.json.contactId))
      }))

    it.effect("a body carrying contactId answers 301 to that contact's resource, and writes nothing", () =>
      Effect.gen(function*() {
        const before = yield* call("GET", `${contacts}?$top=200`, { key: keyA })
        const moved = yield* callNoRedirect("POST", contacts, keyA, { ...lefty, contactId: "VN93A9H7CW7" })
        assert.strictEqual(moved.status, 301)
        assert.strictEqual(moved.headers.get("location"), "/v2/contacts/VN93A9H7CW7")
        const found = yield* callNoRedirect("POST", `${contacts}/findOrCreate`, keyA, { contactId: "VN93A9H7CW7" })
        assert.strictEqual(found.status, 301)
        assert.deepStrictEqual((yield* call("GET", `${contacts}?$top=200`, { key: keyA })).json, before.json)
      }))

    it.effect("two emails of type MAIN answer 400 with errors[] naming emails[1].type", () =>
      Effect.gen(function*() {
        const reply = yield* call("POST", contacts, {
          key: keyA,
          body: person("Two", "Mains", { emails: [email("a@example.com", "MAIN"), email("b@example.com", "MAIN")] })
        })
        assert.strictEqual(reply.status, 400)
        assert.deepStrictEqual(reply.json, {
          errors: [{
            code: "INVALID_PARAMETER",
            text: "It's not possible to have two emails with the same type.",
            properties: ["emails[1].type"]
          }]
        })
      }))
  })

  describe("auth", () => {
    it.effect("accepts the key as apiKey (any case) or Basic apiuser:<key>; refuses anything else with 401", () =>
      Effect.gen(function*() {
        const ok = (headers: Record<string, string>) => call("GET", `${contacts}?$top=1`, { headers })
        assert.strictEqual((yield* ok({ apiKey: keyA.toUpperCase() })).status, 200)
        assert.strictEqual((yield* ok({ authorization: basic("apiuser", keyA) })).status, 200)
        for (
          const headers of [
            {},
            { apiKey: "33333333-3333-4333-8333-333333333333" },
            { authorization: basic("someone", keyA) },
            { authorization: `Bearer ${keyA}` }
          ]
        ) {
          const reply = yield* ok(headers)
          assert.strictEqual(reply.status, 401, JSON.stringify(headers))
          assert.strictEqual(reply.json.errors[0].code, "UNAUTHORIZED")
        }
      }))

    it.effect("each key sees its own tenant's seeded contacts", () =>
      Effect.gen(function*() {
        const a = yield* call("GET", contacts, { key: keyA })
        const b = yield* call("GET", contacts, { headers: { authorization: basic("apiuser", keyB) } })
        const names = (page: { items: ReadonlyArray<{ lastName?: string; commonName?: string }> }) =>
          page.items.map((c) => c.lastName ?? c.commonName)
        assert.includeMembers(names(a.json), ["Parks", "Rustin", "Southern Christian Leadership Conference"])
        assert.sameMembers(names(b.json), ["Hamer", "Freedom Farm Cooperative"])
      }))
  })

  describe("create", () => {
    it.effect("needs a type and an identification criterion; the errors name the properties", () =>
      Effect.gen(function*() {
        const noType = yield* call("POST", contacts, { key: keyA, body: { firstName: "A", lastName: "B" } })
        assert.strictEqual(noType.status, 400)
        assert.deepStrictEqual(noType.json.errors[0].properties, ["type"])
        const unnamed = yield* call("POST", contacts, { key: keyA, body: { type: "INDIVIDUAL", firstName: "Only" } })
        assert.strictEqual(unnamed.status, 400)
        assert.deepStrictEqual(unnamed.json.errors[0].properties, [
          "firstName",
          "lastName",
          "commonName",
          "emails",
          "phones"
        ])
        const byEmail = yield* call("POST", contacts, {
          key: keyA,
          body: { type: "INDIVIDUAL", emails: [email("only.email@example.com", "PERSONAL")] }
        })
        assert.strictEqual(byEmail.status, 201)
        const org = yield* call("POST", contacts, { key: keyA, body: { type: "ORGANIZATION", commonName: "Acme" } })
        assert.strictEqual(org.status, 201)
      }))

    it.effect("reports every problem at once, at NGP's property paths", () =>
      Effect.gen(function*() {
        const reply = yield* call("POST", contacts, {
          key: keyA,
          body: person("Many", "Problems", {
            prefix: "Captain",
            commonName: "Not for individuals",
            emails: [{ address: "not-an-email", type: "MAIN" }, { address: "x@example.com", type: "OTHER" }],
            phones: [{ number: "12", type: "MOBILE" }],
            addresses: [{ city: "Oslo" }],
            facebookProfileUrl: "facebook.com/someone"
          })
        })
        assert.strictEqual(reply.status, 400)
        assert.sameMembers(reply.json.errors.flatMap((e: { properties: Array<string> }) => e.properties), [
          "prefix",
          "commonName",
          "facebookProfileUrl",
          "emails[0].address",
          "emails[1].type",
          "phones[0].number",
          "addresses[0].type"
        ])
        for (const error of reply.json.errors) assert.strictEqual(error.code, "INVALID_PARAMETER")
      }))

    it.effect("malformed JSON and a non-JSON content type are 400 / 415 in the standard body", () =>
      Effect.gen(function*() {
        const malformed = yield* call("POST", contacts, { key: keyA, body: "{\"type\": \"INDIVIDUAL\",}" })
        assert.strictEqual(malformed.status, 400)
        assert.deepStrictEqual(malformed.json, {
          errors: [{ code: "MALFORMED_JSON", text: "The request body is not valid JSON." }]
        })
        const form = yield* call("POST", contacts, {
          key: keyA,
          body: "type=INDIVIDUAL",
          headers: { "content-type": "application/x-www-form-urlencoded" }
        })
        assert.strictEqual(form.status, 415)
        assert.strictEqual(form.json.errors[0].code, "UNSUPPORTED_MEDIA_TYPE")
      }))

    it.effect("merges on same name and phone; a different name or type, or a shared email alone, creates", () =>
      Effect.gen(function*() {
        const phone = [{ number: "(617) 555-0143", type: "HOME" }]
        const first = yield* call("POST", contacts, { key: keyA, body: person("Ida", "Wells", { phones: phone }) })
        assert.strictEqual(first.status, 201)
        const samePhone = yield* call("POST", contacts, {
          key: keyA,
          body: person(" ida ", "WELLS", {
            phones: [{ number: "+1 617-555-0143", type: "WORK" }],
            emails: [email("ida@example.com", "WORK")],
            occupation: "Journalist"
          })
        })
        assert.strictEqual(samePhone.status, 200)
        assert.strictEqual(samePhone.json.contactId, first.json.contactId)
        const merged = yield* call("GET", `${contacts}/${first.json.contactId}`, { key: keyA })
        assert.strictEqual(merged.json.occupation, "Journalist")
        assert.strictEqual(merged.json.firstName, " ida ", "text sent replaces the stored text")
        assert.deepStrictEqual(merged.json.phones.map((p: { type: string }) => p.type), ["HOME", "WORK"])
        const otherName = yield* call("POST", contacts, {
          key: keyA,
          body: person("Ida", "Tarbell", { phones: phone })
        })
        assert.strictEqual(otherName.status, 201)
        const emailOnly = yield* call("POST", contacts, {
          key: keyA,
          body: { type: "INDIVIDUAL", emails: [email("ida@example.com", "WORK")] }
        })
        assert.strictEqual(emailOnly.status, 201, "a contact without a name never merges")
        const asOrg = yield* call("POST", contacts, {
          key: keyA,
          body: { type: "ORGANIZATION", commonName: "Ida Wells", phones: phone }
        })
        assert.strictEqual(asOrg.status, 201)
      }))

    it.effect("a merge replaces entries of the same type and keeps a stored opt-out for the same address", () =>
      Effect.gen(function*() {
        const body = person("Ella", "Baker", {
          emails: [{ address: "ella@example.org", type: "PERSONAL", doNotEmail: true }, email("eb@example.com", "WORK")]
        })
        const created = yield* call("POST", contacts, { key: keyA, body })
        const merged = yield* call("POST", contacts, {
          key: keyA,
          body: person("Ella", "Baker", {
            emails: [email("ELLA@example.org", "PERSONAL"), email("e@example.net", "MAIN")]
          })
        })
        assert.strictEqual(merged.status, 200)
        const read = yield* call("GET", `${contacts}/${created.json.contactId}`, { key: keyA })
        assert.deepStrictEqual(read.json.emails, [
          { address: "ELLA@example.org", type: "PERSONAL", doNotEmail: true, appliedEmailLists: [] },
          { address: "eb@example.com", type: "WORK", doNotEmail: false, appliedEmailLists: [] },
          { address: "e@example.net", type: "MAIN", doNotEmail: false, appliedEmailLists: [] }
        ])
      }))
  })
})
