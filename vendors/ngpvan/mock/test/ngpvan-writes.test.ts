import { layer as mockLayer } from "@contactkit/mock-platform"
import { admin } from "@contactkit/mock-platform/testing"
import { assert, describe, layer } from "@effect/vitest"
import { Effect } from "effect"
import { ngpvan } from "../src/index.ts"
import { call, contacts, keyA, keyB, lefty } from "./support.ts"

const email = (address: string, type: string) => ({ address, type })
const person = (first: string, last: string, extra: Record<string, unknown> = {}) => ({
  type: "INDIVIDUAL",
  firstName: first,
  lastName: last,
  ...extra
})

layer(mockLayer(ngpvan, { port: 0 }))("NGP VAN mock: find-or-create, update, listing, platform", (it) => {
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
