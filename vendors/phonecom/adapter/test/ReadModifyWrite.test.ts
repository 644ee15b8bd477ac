/**
 * Phone.com's PUT replaces the whole contact, so `update` and the field operations read the
 * contact once, change it in the domain and PUT all of it back once — with the group, which the
 * domain does not model. These tests pin the exchange down request by request.
 */
import { type ContactId, makePhone } from "@contactkit/domain"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import nock from "nock"
import { api, contactsPath, useNock, withDirectory } from "./support.ts"

useNock()

const id = "42" as ContactId

const stored = (over: Record<string, unknown> = {}) => ({
  id: 42,
  prefix: "",
  first_name: "Ada",
  middle_name: "",
  last_name: "Lovelace",
  suffix: "",
  nickname: "",
  company: "Analytical Engines",
  phonetic_first_name: "",
  phonetic_middle_name: "",
  phonetic_last_name: "",
  department: "",
  job_title: "",
  emails: [{ type: "primary", email: "ada@example.org" }],
  phone_numbers: [{ type: "home", number: "(202) 555-0123", normalized: "+12025550123" }],
  addresses: [{ type: "home", street: "", city: "London", state: "", zip: "", country: "UK" }],
  group: { id: 7, name: "Friends" },
  created_at: 1700000000,
  updated_at: 1700000000,
  ...over
})

/** The PUT body that keeps everything of `stored()` except what `over` changes. */
const fullBody = (over: Record<string, unknown> = {}) => ({
  prefix: null,
  first_name: "Ada",
  middle_name: null,
  last_name: "Lovelace",
  suffix: null,
  nickname: null,
  company: "Analytical Engines",
  phonetic_first_name: null,
  phonetic_middle_name: null,
  phonetic_last_name: null,
  department: null,
  job_title: null,
  emails: [{ type: "primary", email: "ada@example.org" }],
  phone_numbers: [{ type: "home", number: "(202) 555-0123" }],
  addresses: [{ type: "home", street: null, city: "London", state: null, zip: null, country: "UK" }],
  group: { id: 7 },
  ...over
})

/** Serves one GET of `stored()` and one PUT answered with `reply`; records the order and the body. */
const exchange = (reply: Record<string, unknown>) => {
  const log: Array<string> = []
  const bodies: Array<unknown> = []
  api().get(`${contactsPath}/42`).reply(() => (log.push("GET"), [200, stored()]))
  api().put(`${contactsPath}/42`, (body) => (bodies.push(body), true)).reply(() => (log.push("PUT"), [200, reply]))
  return { log, bodies }
}

describe("PhonecomContactDirectory read-modify-write", () => {
  it.effect("fields.update: one GET, one PUT of the whole contact with the field replaced and the group kept", () =>
    Effect.gen(function*() {
      const mobile = makePhone("(202) 555-0199", { features: ["mobile"] })
      const { bodies, log } = exchange(
        stored({ phone_numbers: [{ type: "mobile", number: "(202) 555-0199", normalized: "+12025550199" }] })
      )
      const field = yield* withDirectory((d) => d.fields.update(id, 1, mobile))
      assert.deepStrictEqual(log, ["GET", "PUT"])
      assert.deepStrictEqual(bodies, [fullBody({ phone_numbers: [{ type: "mobile", number: "(202) 555-0199" }] })])
      assert.deepStrictEqual(field, {
        _tag: "Phone",
        number: "(202) 555-0199",
        e164: "+12025550199",
        features: ["mobile"]
      })
      assert.isTrue(nock.isDone())
    }))

  it.effect("fields.update of a field that is not there fails after the GET, and nothing is PUT", () =>
    Effect.gen(function*() {
      const { log } = exchange(stored())
      const error = yield* Effect.flip(
        withDirectory((d) => d.fields.update(id, 5, { _tag: "Email", address: "x@example.org" }))
      )
      assert.strictEqual(error.reason._tag, "InvalidContact")
      assert.strictEqual(error.operation, "fields.update")
      assert.deepStrictEqual(log, ["GET"])
    }))

  it.effect("fields.remove: one GET, one PUT without the field, everything else and the group kept", () =>
    Effect.gen(function*() {
      const { bodies, log } = exchange(stored({ emails: [] }))
      yield* withDirectory((d) => d.fields.remove(id, 0))
      assert.deepStrictEqual(log, ["GET", "PUT"])
      assert.deepStrictEqual(bodies, [fullBody({ emails: [] })])
      assert.isTrue(nock.isDone())
    }))

  it.effect("fields.remove of the address keeps the emails and phones as they were", () =>
    Effect.gen(function*() {
      const { bodies } = exchange(stored({ addresses: [] }))
      yield* withDirectory((d) => d.fields.remove(id, 2))
      assert.deepStrictEqual(bodies, [fullBody({ addresses: [] })])
    }))

  it.effect("update with null clears that name part: sent as null, read back absent, the rest untouched", () =>
    Effect.gen(function*() {
      const { bodies, log } = exchange(stored({ last_name: "", job_title: "Countess" }))
      const contact = yield* withDirectory((d) =>
        d.update(id, { name: { family: null }, organization: { title: "Countess" } })
      )
      assert.deepStrictEqual(log, ["GET", "PUT"])
      assert.deepStrictEqual(bodies, [fullBody({ last_name: null, job_title: "Countess" })])
      assert.deepStrictEqual(contact.name, { given: "Ada" })
      assert.deepStrictEqual(contact.organization, { name: "Analytical Engines", title: "Countess" })
      assert.strictEqual(contact.fields.length, 3)
    }))

  it.effect("a contact without a group is PUT without a group key", () =>
    Effect.gen(function*() {
      const bodies: Array<Record<string, unknown>> = []
      api().get(`${contactsPath}/42`).reply(200, stored({ group: null }))
      api().put(`${contactsPath}/42`, (body) => (bodies.push(body), true)).reply(200, stored({ group: null }))
      yield* withDirectory((d) => d.update(id, { name: { nickname: "Enchantress" } }))
      assert.strictEqual(bodies.length, 1)
      assert.isFalse("group" in bodies[0]!)
      assert.strictEqual(bodies[0]!.nickname, "Enchantress")
    }))

  it.effect("update: a value Phone.com already holds unchecked does not block a change elsewhere", () =>
    Effect.gen(function*() {
      const held = [{ type: "primary", email: "not an e-mail" }]
      const log: Array<string> = []
      const bodies: Array<unknown> = []
      api().get(`${contactsPath}/42`).reply(() => (log.push("GET"), [200, stored({ emails: held })]))
      api().put(`${contactsPath}/42`, (body) => (bodies.push(body), true))
        .reply(() => (log.push("PUT"), [200, stored({ emails: held, first_name: "Augusta" })]))
      const updated = yield* withDirectory((d) => d.update(id, { name: { given: "Augusta" } }))
      assert.deepStrictEqual(log, ["GET", "PUT"])
      assert.deepStrictEqual(bodies, [fullBody({ first_name: "Augusta", emails: held })])
      assert.strictEqual(updated.name.given, "Augusta")
    }))

  it.effect("update: changing that value is held to the rules, and nothing is sent", () =>
    Effect.gen(function*() {
      api().get(`${contactsPath}/42`).reply(200, stored({ emails: [{ type: "primary", email: "not an e-mail" }] }))
      const error = yield* withDirectory((d) =>
        Effect.flip(d.update(id, { fields: [{ _tag: "Email", address: "still not one" }] }))
      )
      assert.strictEqual(error.reason._tag, "InvalidContact")
      assert.isTrue(nock.isDone())
    }))
})
