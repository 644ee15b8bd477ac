import { layer as mockLayer } from "@contactkit/mock-platform"
import { admin } from "@contactkit/mock-platform/testing"
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

  describe("findOrCreate", () => {
    it.effect("a match answers 200 and is left unchanged; no match creates (201)", () =>
      Effect.gen(function*() {
        const body = person("Medgar", "Evers", { emails: [email("medgar@example.org", "MAIN")] })
        const created = yield* call("POST", `${contacts}/findOrCreate`, { key: keyA, body })
        assert.strictEqual(created.status, 201)
        const found = yield* call("POST", `${contacts}/findOrCreate`, {
          key: keyA,
          body: { ...body, occupation: "Field secretary" }
        })
        assert.strictEqual(found.status, 200)
        assert.strictEqual(found.json.contactId, created.json.contactId)
        const read = yield* call("GET", `${contacts}/${created.json.contactId}`, { key: keyA })
        assert.notProperty(read.json, "occupation")
      }))
  })

  describe("update", () => {
    it.effect("leaves out what is not sent, clears null text, replaces arrays, keeps codes and opt-outs", () =>
      Effect.gen(function*() {
        const created = yield* call("POST", contacts, { key: keyA, body: lefty })
        const path = `${contacts}/${created.json.contactId}`
        const before = (yield* call("GET", path, { key: keyA })).json
        const updated = yield* call("POST", path, {
          key: keyA,
          body: {
            occupation: null,
            middleName: "Q.",
            phones: [{ number: "2025550000", type: "WORK" }],
            emails: [{ address: "lefty.mcdonkey@example.com", type: "PERSONAL" }]
          }
        })
        assert.strictEqual(updated.status, 200)
        assert.deepStrictEqual(updated.json, { contactId: created.json.contactId })
        const after = (yield* call("GET", path, { key: keyA })).json
        assert.notProperty(after, "occupation")
        assert.strictEqual(after.middleName, "Q.")
        assert.strictEqual(after.employer, before.employer)
        assert.deepStrictEqual(after.phones, [{ number: "2025550000", type: "WORK" }])
        assert.deepStrictEqual(after.emails, [{
          address: "lefty.mcdonkey@example.com",
          type: "PERSONAL",
          doNotEmail: false,
          appliedEmailLists: [{ emailListId: 12 }, { emailListId: 14 }]
        }])
        assert.deepStrictEqual(after.contactCodes, before.contactCodes)
        assert.deepStrictEqual(after.disclosureFields, before.disclosureFields)
        assert.deepStrictEqual(after.addresses, before.addresses)
      }))

    it.effect("refuses an update that breaks a rule and changes nothing; another tenant's contact is 404", () =>
      Effect.gen(function*() {
        const created = yield* call("POST", contacts, {
          key: keyA,
          body: person("Diane", "Nash", { emails: [email("diane@example.org", "MAIN")] })
        })
        const path = `${contacts}/${created.json.contactId}`
        const before = (yield* call("GET", path, { key: keyA })).json
        const unidentified = yield* call("POST", path, { key: keyA, body: { lastName: null, emails: [] } })
        assert.strictEqual(unidentified.status, 400)
        const duplicate = yield* call("POST", path, {
          key: keyA,
          body: { phones: [{ number: "6155550100", type: "HOME" }, { number: "6155550101", type: "HOME" }] }
        })
        assert.deepStrictEqual(duplicate.json.errors[0].properties, ["phones[1].type"])
        const orgName = yield* call("POST", path, { key: keyA, body: { commonName: "Nash Inc." } })
        assert.deepStrictEqual(orgName.json.errors[0].properties, ["commonName"])
        assert.deepStrictEqual((yield* call("GET", path, { key: keyA })).json, before)
        assert.strictEqual((yield* call("POST", path, { key: keyB, body: { middleName: "X" } })).status, 404)
        assert.strictEqual((yield* call("POST", `${contacts}/VN000000000`, { key: keyA, body: {} })).status, 404)
      }))

    it.effect("changing the type drops the other type's names", () =>
      Effect.gen(function*() {
        const created = yield* call("POST", contacts, {
          key: keyA,
          body: person("John", "Lewis", { phones: [{ number: "4045550123", type: "MOBILE" }] })
        })
        const path = `${contacts}/${created.json.contactId}`
        const changed = yield* call("POST", path, {
          key: keyA,
          body: { type: "ORGANIZATION", commonName: "Lewis Co." }
        })
        assert.strictEqual(changed.status, 200)
        const after = (yield* call("GET", path, { key: keyA })).json
        assert.strictEqual(after.type, "ORGANIZATION")
        assert.strictEqual(after.commonName, "Lewis Co.")
        assert.notProperty(after, "firstName")
        assert.notProperty(after, "lastName")
      }))
  })

  describe("listing", () => {
    it.effect("pages with $top and $skip: count is the total, nextPageLink absolute until the last page", () =>
      Effect.gen(function*() {
        const all = (yield* call("GET", `${contacts}?$top=200`, { key: keyB })).json
        assert.strictEqual(all.count, all.items.length)
        assert.isNull(all.nextPageLink)
        const first = (yield* call("GET", `${contacts}?$top=1`, { key: keyB })).json
        assert.strictEqual(first.count, all.count)
        assert.deepStrictEqual(first.items, all.items.slice(0, 1))
        assert.match(first.nextPageLink, /^http:\/\/127\.0\.0\.1:\d+\/v2\/contacts\?\$top=1&\$skip=1$/u)
        const last = (yield* call("GET", `${contacts}?$top=1&$skip=${all.count - 1}`, { key: keyB })).json
        assert.deepStrictEqual(last.items, all.items.slice(-1))
        assert.isNull(last.nextPageLink)
        const beyond = (yield* call("GET", `${contacts}?$skip=${all.count + 5}`, { key: keyB })).json
        assert.deepStrictEqual(beyond.items, [])
        for (const query of ["$top=0", "$top=201", "$top=ten", "$skip=-1"]) {
          const reply = yield* call("GET", `${contacts}?${query}`, { key: keyB })
          assert.strictEqual(reply.status, 400, query)
          assert.strictEqual(reply.json.errors[0].code, "INVALID_PARAMETER")
        }
      }))
  })

  describe("platform", () => {
    it.effect("faults answer in NGP's body: 429 with Retry-After, 503 with a reference code; DELETE 405; unknown routes 404", () =>
      Effect.gen(function*() {
        yield* admin("POST", "/faults", { kind: "rateLimit", count: 1, retryAfterSeconds: 7 })
        const limited = yield* call("GET", contacts, { key: keyA })
        assert.strictEqual(limited.status, 429)
        assert.strictEqual(limited.headers.get("retry-after"), "7")
        assert.strictEqual(limited.json.errors[0].code, "RATE_LIMIT_EXCEEDED")
        yield* admin("POST", "/faults", { kind: "status", status: 503, count: 1 })
        const unavailable = yield* call("GET", contacts, { key: keyA })
        assert.strictEqual(unavailable.status, 503)
        assert.strictEqual(unavailable.json.errors[0].code, "SERVICE_UNAVAILABLE")
        assert.isString(unavailable.json.errors[0].referenceCode)
        const created = yield* call("POST", contacts, {
          key: keyA,
          body: person("Del", "Ete", { phones: [{ number: "2025550188", type: "HOME" }] })
        })
        const deleted = yield* call("DELETE", `${contacts}/${created.json.contactId}`, { key: keyA })
        assert.strictEqual(deleted.status, 405, "NGP has no delete")
        assert.strictEqual(deleted.headers.get("allow"), "GET, HEAD, POST")
        assert.strictEqual(deleted.json.errors[0].code, "METHOD_NOT_ALLOWED")
        assert.strictEqual((yield* call("GET", `${contacts}/${created.json.contactId}`, { key: keyA })).status, 200)
        const unknown = yield* call("GET", "/v2/people", { key: keyA })
        assert.strictEqual(unknown.status, 404)
        assert.strictEqual(unknown.json.errors[0].code, "NOT_FOUND")
      }))
  })
})
