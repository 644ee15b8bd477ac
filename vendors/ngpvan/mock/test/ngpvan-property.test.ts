import { layer as mockLayer } from "@contactkit/mock-platform"
import { assert, layer } from "@effect/vitest"
import { Effect } from "effect"
import fc from "fast-check"
import { ngpvan } from "../src/index.ts"
import { call, contacts, keyA, lefty } from "./support.ts"

type Body = Record<string, unknown>

/** One change that makes a valid body invalid, whatever else it holds. */
const breakers: ReadonlyArray<(body: Body) => Body> = [
  (b) => ({ ...b, type: "PERSON" }),
  (b) => ({ ...b, prefix: "Captain" }),
  (b) => ({ ...b, firstName: 42 }),
  (b) => ({ ...b, lastName: "x".repeat(256) }),
  (b) => ({ ...b, commonName: "Only for organisations" }),
  (b) => ({ ...b, facebookProfileUrl: "not a url" }),
  (b) => ({ ...b, emails: [{ address: "a@example.com", type: "WORK" }, { address: "b@example.com", type: "WORK" }] }),
  (b) => ({ ...b, emails: [{ address: "nobody", type: "MAIN" }] }),
  (b) => ({ ...b, emails: [{ address: "a@example.com", type: "MAIN", doNotEmail: "yes" }] }),
  (b) => ({ ...b, phones: [{ number: "12", type: "HOME" }] }),
  (b) => ({ ...b, phones: [{ number: "2025550100", type: "CELL" }] }),
  (b) => ({ ...b, addresses: [{ type: "HOME" }, { type: "HOME", city: "Oslo" }] }),
  (b) => ({ ...b, addresses: [{ type: "WORK", countryCode: "usa" }] }),
  (b) => ({ ...b, contactCodes: [{ contactCodeId: -1 }] }),
  (b) => ({ ...b, externalLinks: [{ externalSourceTypeId: 13, externalId: "1" }] }),
  (b) => ({ ...b, disclosureFields: [{ disclosureFieldId: 1 }] }),
  (b) => ({ ...b, emails: "a@example.com" })
]

const validBody = fc.record({
  firstName: fc.string({ minLength: 1, maxLength: 20 }),
  lastName: fc.string({ minLength: 1, maxLength: 20 })
}).map((names): Body => ({ ...lefty, ...names }))

const withoutKeys = (value: unknown): unknown => {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value
  const { type: _t, contactId: _c, ...rest } = value as Body
  return rest
}

/** [method, path, key, body] of requests that must all be refused with a 4xx. */
const badRequest = (existing: string) =>
  fc.oneof(
    fc.tuple(validBody, fc.constantFrom(...breakers)).map(([body, breakIt]) =>
      ["POST", contacts, keyA, breakIt(body)] as const
    ),
    fc.tuple(validBody, fc.constantFrom(...breakers)).map(([body, breakIt]) =>
      ["POST", `${contacts}/findOrCreate`, keyA, breakIt(body)] as const
    ),
    fc.constantFrom(...breakers).map((breakIt) =>
      ["POST", `${contacts}/${existing}`, keyA, breakIt({ type: "INDIVIDUAL" })] as const
    ),
    // Any JSON without `type` (and without `contactId`, which would redirect) is no create body.
    fc.jsonValue().map((json) => ["POST", contacts, keyA, withoutKeys(json) ?? {}] as const),
    fc.string().map((text) => ["POST", contacts, keyA, `{${text}`] as const),
    validBody.map((body) => ["POST", contacts, "33333333-3333-4333-8333-333333333333", body] as const),
    validBody.map((body) => ["POST", `${contacts}/VN000000000`, keyA, body] as const)
  )

layer(mockLayer(ngpvan, { port: 0 }))("NGP VAN mock under bad input", (it) => {
  it.effect(
    "never answers 5xx, always answers in NGP's error body, and never changes what the list returns",
    () =>
      Effect.gen(function*() {
        const created = yield* call("POST", contacts, { key: keyA, body: lefty })
        const list = () => call("GET", `${contacts}?$top=200`, { key: keyA })
        const before = yield* list()
        for (
          const [method, path, key, body] of fc.sample(badRequest(created.json.contactId), { numRuns: 150, seed: 4050 })
        ) {
          const reply = yield* call(method, path, { key, body })
          const where = `${method} ${path} ${JSON.stringify(body)} → ${reply.status} ${reply.text}`
          assert.isAtLeast(reply.status, 400, where)
          assert.isBelow(reply.status, 500, where)
          assert.isArray(reply.json?.errors, where)
          assert.isAbove(reply.json.errors.length, 0, where)
          assert.deepStrictEqual((yield* list()).json, before.json, `${where} changed the list`)
        }
      }),
    { timeout: 60_000 }
  )
})
