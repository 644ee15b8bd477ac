import { layer as mockLayer } from "@contactkit/mock-platform"
import { admin, assertNothingEchoes, call } from "@contactkit/mock-platform/testing"
import { assert, describe, layer } from "@effect/vitest"
import { Effect } from "effect"
import { phonecom } from "../src/index.ts"
import { contactsA, groupsA, tokenA, tokenB } from "./support.ts"

const picard = {
  prefix: "Captain",
  first_name: "Jean-Luc",
  last_name: "Picard",
  company: "United Federation of Planets",
  emails: [{ type: "primary", email: "jean-luc.picard@example.com" }],
  phone_numbers: [{ type: "business", number: "(999) 999-9999" }],
  addresses: [{ type: "home", street: "1212 Federation Way", city: "San Francisco", state: "CA", zip: "99999" }]
}

layer(mockLayer(phonecom, { port: 0 }))("Phone.com mock", (it) => {
  describe("contacts", () => {
    it.effect("creates Jean-Luc Picard with an E.164 normalized number, visible only to its account", () =>
      Effect.gen(function*() {
        const created = yield* call("POST", contactsA, { token: tokenA, body: picard })
        assert.strictEqual(created.status, 201)
        assert.strictEqual(created.json.phone_numbers[0].normalized, "+19999999999")
        assert.strictEqual(created.json.phone_numbers[0].number, "(999) 999-9999")
        assert.strictEqual(created.json.emails[0].type, "primary")
        assert.strictEqual(created.json.middle_name, "")
        assert.isAbove(created.json.created_at, 1_700_000_000)
        const id = created.json.id
        const read = yield* call("GET", `${contactsA}/${id}`, { token: tokenA })
        assert.deepStrictEqual(read.json, created.json)
        const other = yield* call("GET", `${contactsA}/${id}`, { token: tokenB })
        assert.strictEqual(other.status, 403)
        assert.strictEqual(other.json["@error"]["@httpStatusCode"], 403)
        const otherList = yield* call("GET", "/v4/accounts/1002/extensions/3/contacts?limit=500", { token: tokenB })
        assert.isFalse(otherList.json.items.some((c: { id: number }) => c.id === id))
        const otherExtension = yield* call("GET", `/v4/accounts/1001/extensions/2/contacts/${id}`, { token: tokenA })
        assert.strictEqual(otherExtension.status, 404)
      }))

    it.effect("applies documented defaults for types", () =>
      Effect.gen(function*() {
        const created = yield* call("POST", contactsA, {
          token: tokenA,
          body: {
            emails: [{ email: "x@example.com" }],
            phone_numbers: [{ number: "12" }],
            addresses: [{ city: "Oslo" }]
          }
        })
        assert.strictEqual(created.status, 201)
        assert.strictEqual(created.json.emails[0].type, "primary")
        assert.strictEqual(created.json.phone_numbers[0].type, "home")
        assert.notProperty(created.json.phone_numbers[0], "normalized")
        assert.strictEqual(created.json.addresses[0].type, "home")
      }))

    it.effect("PUT replaces the whole contact and DELETE answers success", () =>
      Effect.gen(function*() {
        const created = yield* call("POST", contactsA, { token: tokenA, body: picard })
        const path = `${contactsA}/${created.json.id}`
        const replaced = yield* call("PUT", path, { token: tokenA, body: { first_name: "Will" } })
        assert.strictEqual(replaced.status, 200)
        assert.strictEqual(replaced.json.first_name, "Will")
        assert.strictEqual(replaced.json.last_name, "")
        assert.deepStrictEqual(replaced.json.emails, [])
        assert.deepStrictEqual(replaced.json.phone_numbers, [])
        assert.strictEqual(replaced.json.created_at, created.json.created_at)
        const deleted = yield* call("DELETE", path, { token: tokenA })
        assert.strictEqual(deleted.status, 200)
        assert.deepStrictEqual(deleted.json, { success: true })
        assert.strictEqual((yield* call("GET", path, { token: tokenA })).status, 404)
        assert.strictEqual((yield* call("DELETE", path, { token: tokenA })).status, 404)
        assert.strictEqual((yield* call("PUT", path, { token: tokenA, body: {} })).status, 404)
      }))
  })

  describe("auth", () => {
    it.effect("401 without or with an unknown token, 403 for another account, 404 for an unknown extension", () =>
      Effect.gen(function*() {
        assert.strictEqual((yield* call("GET", contactsA)).status, 401)
        assert.strictEqual((yield* call("GET", contactsA, { token: "nope" })).status, 401)
        const basic = yield* call("GET", contactsA, { headers: { authorization: "Basic abc" } })
        assert.strictEqual(basic.status, 401)
        assert.strictEqual(basic.json["@error"]["@message"], "Unauthorized")
        assert.strictEqual((yield* call("GET", contactsA, { token: tokenB })).status, 403)
        assert.strictEqual(
          (yield* call("GET", "/v4/accounts/1001/extensions/3/contacts", { token: tokenA })).status,
          404
        )
        assert.strictEqual(
          (yield* call("GET", "/v4/accounts/1001/extensions/x/contacts", { token: tokenA })).status,
          404
        )
      }))
  })

  describe("secrets", () => {
    it.effect("never echoes a token, refused or accepted, in a body, a header or the request log", () =>
      Effect.gen(function*() {
        const secret = "sk_live_Zq8cTf3vPp1"
        const replies = [
          yield* call("GET", contactsA, { token: secret }),
          yield* call("POST", contactsA, { token: secret, body: "{not json" }),
          yield* call("GET", "/v4/nowhere", { token: secret }),
          yield* call("GET", contactsA, { headers: { authorization: secret } }),
          yield* call("POST", contactsA, { token: tokenA, body: { emails: [{}, {}, {}] } })
        ]
        yield* assertNothingEchoes(replies, [secret, tokenA])
      }))
  })

  describe("lists", () => {
    it.effect("paginates with limit and offset without gaps or repeats", () =>
      Effect.gen(function*() {
        yield* admin("POST", "/seed")
        const all = yield* call("GET", `${contactsA}?limit=500`, { token: tokenA })
        assert.strictEqual(all.json.total, all.json.items.length)
        assert.isAbove(all.json.total, 5)
        const seen: Array<number> = []
        for (let offset = 0; offset < all.json.total; offset += 4) {
          const page = yield* call("GET", `${contactsA}?limit=4&offset=${offset}`, { token: tokenA })
          assert.strictEqual(page.json.limit, 4)
          assert.strictEqual(page.json.offset, offset)
          seen.push(...page.json.items.map((c: { id: number }) => c.id))
        }
        assert.deepStrictEqual(seen, all.json.items.map((c: { id: number }) => c.id))
        const defaults = yield* call("GET", contactsA, { token: tokenA })
        assert.strictEqual(defaults.json.limit, 25)
        assert.strictEqual(defaults.json.offset, 0)
      }))

    it.effect("filters and sorts", () =>
      Effect.gen(function*() {
        yield* admin("POST", "/seed")
        const all = (yield* call("GET", `${contactsA}?limit=500`, { token: tokenA })).json.items as Array<any>
        const ids = all.map((c) => c.id)
        assert.deepStrictEqual(ids, [...ids].sort((a, b) => a - b))
        const pivot = ids[2]
        const gt = yield* call("GET", `${contactsA}?filters[id]=gt:${pivot}`, { token: tokenA })
        assert.deepStrictEqual(gt.json.items.map((c: any) => c.id), ids.filter((id) => id > pivot))
        assert.deepStrictEqual(gt.json.filters, { id: `gt:${pivot}` })
        const eq = yield* call("GET", `${contactsA}?filters[id]=${pivot}`, { token: tokenA })
        assert.deepStrictEqual(eq.json.items.map((c: any) => c.id), [pivot])
        const between = yield* call("GET", `${contactsA}?filters[id]=between:${ids[1]},${ids[3]}`, { token: tokenA })
        assert.deepStrictEqual(between.json.items.map((c: any) => c.id), ids.slice(1, 4))
        const grouped = all.filter((c) => c.group?.id === 1).map((c) => c.id)
        const byGroup = yield* call("GET", `${contactsA}?filters[group_id]=eq:1&limit=500`, { token: tokenA })
        assert.deepStrictEqual(byGroup.json.items.map((c: any) => c.id), grouped)
        const desc = yield* call("GET", `${contactsA}?sort[id]=desc&limit=500`, { token: tokenA })
        assert.deepStrictEqual(desc.json.items.map((c: any) => c.id), [...ids].reverse())
        assert.deepStrictEqual(desc.json.sort, { id: "desc" })
        const byUpdated = yield* call("GET", `${contactsA}?sort[updated_at]=asc&limit=500`, { token: tokenA })
        const stamps = byUpdated.json.items.map((c: any) => c.updated_at)
        assert.deepStrictEqual(stamps, [...stamps].sort((a, b) => a - b))
      }))

    it.effect("rejects bad query parameters with 400", () =>
      Effect.gen(function*() {
        for (
          const query of [
            "limit=501",
            "limit=0",
            "limit=abc",
            "offset=-1",
            "filters[id]=foo:1",
            "filters[id]=gt:x",
            "sort[id]=up",
            "filters[name]=x",
            "filters[id]=between:1"
          ]
        ) {
          const reply = yield* call("GET", `${contactsA}?${query}`, { token: tokenA })
          assert.strictEqual(reply.status, 400, query)
          assert.strictEqual(reply.json["@error"]["@httpStatusCode"], 400)
        }
      }))
  })

  describe("validation", () => {
    const cases: ReadonlyArray<readonly [string, unknown, string]> = [
      ["three emails", { emails: [{ email: "a@x" }, { email: "b@x" }, { email: "c@x" }] }, "emails"],
      [
        "six phones",
        { phone_numbers: Array.from({ length: 6 }, (_, i) => ({ number: `555-000${i}` })) },
        "phone_numbers"
      ],
      ["missing email", { emails: [{ type: "primary" }] }, "emails.0.email"],
      [
        "bad phone type",
        { phone_numbers: [{ number: "1", type: "cell" }, { number: "2", type: "sat" }] },
        "phone_numbers.1.type"
      ],
      ["bad address type", { addresses: [{ type: "work" }] }, "addresses.0.type"],
      ["name not a string", { first_name: 42 }, "first_name"],
      ["name too long", { last_name: "x".repeat(256) }, "last_name"],
      ["emails not an array", { emails: "a@x" }, "emails"],
      ["unknown group", { group: { id: 999999 } }, "group"],
      ["body is an array", [], "body"]
    ]
    for (const [name, body, path] of cases) {
      it.effect(`422 for ${name}`, () =>
        Effect.gen(function*() {
          const before = yield* call("GET", `${contactsA}?limit=500`, { token: tokenA })
          const reply = yield* call("POST", contactsA, { token: tokenA, body })
          assert.strictEqual(reply.status, 422)
          assert.strictEqual(reply.json["@error"]["@httpStatusCode"], 422)
          assert.isArray(reply.json["@error"]["@details"][path])
          const after = yield* call("GET", `${contactsA}?limit=500`, { token: tokenA })
          assert.deepStrictEqual(after.json, before.json)
        }))
    }

    it.effect("exactly 2 emails and 5 phones are accepted; groups are looked up by id or name", () =>
      Effect.gen(function*() {
        yield* admin("POST", "/seed")
        const ok = yield* call("POST", contactsA, {
          token: tokenA,
          body: {
            emails: [{ email: "a@x" }, { type: "alternate", email: "b@x" }],
            phone_numbers: Array.from({ length: 5 }, (_, i) => ({ number: `+1212555010${i}` })),
            group: { name: "Work" }
          }
        })
        assert.strictEqual(ok.status, 201)
        assert.deepStrictEqual(ok.json.group, { id: 2, name: "Work" })
        const byId = yield* call("PUT", `${contactsA}/${ok.json.id}`, { token: tokenA, body: { group: { id: 1 } } })
        assert.deepStrictEqual(byId.json.group, { id: 1, name: "Family" })
      }))
  })

  describe("400s", () => {
    it.effect("malformed JSON, wrong Content-Type, oversized body and unknown routes", () =>
      Effect.gen(function*() {
        const malformed = yield* call("POST", contactsA, { token: tokenA, body: "{not json" })
        assert.strictEqual(malformed.status, 400)
        assert.strictEqual(malformed.json["@error"]["@httpStatusCode"], 400)
        const wrongType = yield* call("POST", contactsA, {
          token: tokenA,
          body: "first_name=x",
          headers: { "content-type": "application/x-www-form-urlencoded" }
        })
        assert.strictEqual(wrongType.status, 400)
        const huge = yield* call("POST", contactsA, { token: tokenA, body: { first_name: "x".repeat(1_100_000) } })
        assert.strictEqual(huge.status, 400)
        assert.isString(huge.json["@error"]["@message"])
        const unknown = yield* call("GET", "/v4/nothing-here", { token: tokenA })
        assert.strictEqual(unknown.status, 404)
        assert.strictEqual(unknown.json["@error"]["@httpStatusCode"], 404)
      }))
  })

  describe("groups", () => {
    it.effect("CRUD, unique names, and deleting a group ungroups its contacts", () =>
      Effect.gen(function*() {
        const created = yield* call("POST", groupsA, { token: tokenA, body: { name: "Bridge Crew" } })
        assert.strictEqual(created.status, 201)
        assert.strictEqual(created.json.name, "Bridge Crew")
        const duplicate = yield* call("POST", groupsA, { token: tokenA, body: { name: "Bridge Crew" } })
        assert.strictEqual(duplicate.status, 422)
        const missing = yield* call("POST", groupsA, { token: tokenA, body: {} })
        assert.deepStrictEqual(Object.keys(missing.json["@error"]["@details"]), ["name"])
        const path = `${groupsA}/${created.json.id}`
        const renamed = yield* call("PUT", path, { token: tokenA, body: { name: "Senior Staff" } })
        assert.deepStrictEqual(renamed.json, { id: created.json.id, name: "Senior Staff" })
        const member = yield* call("POST", contactsA, { token: tokenA, body: { group: { id: created.json.id } } })
        assert.strictEqual(member.json.group.name, "Senior Staff")
        const list = yield* call("GET", `${groupsA}?filters[name]=starts-with:Senior`, { token: tokenA })
        assert.deepStrictEqual(list.json.items, [renamed.json])
        assert.deepStrictEqual((yield* call("DELETE", path, { token: tokenA })).json, { success: true })
        const after = yield* call("GET", `${contactsA}/${member.json.id}`, { token: tokenA })
        assert.notProperty(after.json, "group")
        assert.strictEqual((yield* call("GET", path, { token: tokenA })).status, 404)
        assert.strictEqual((yield* call("GET", path, { token: tokenB })).status, 403)
      }))
  })
})
