/**
 * `PUT /api/contacts/{id}/work` (Monica's `UpdateWorkInformation`): the one documented way to write a contact's
 * job title and company, read back under `information.career`. Cases follow Monica's own API tests.
 */
import { layer as mockLayer } from "@contactkit/mock-platform"
import { admin, call } from "@contactkit/mock-platform/testing"
import { assert, layer } from "@effect/vitest"
import { Effect } from "effect"
import { makeMonica } from "../src/index.ts"

const tokenA = "monica-token-a"
// Seeded: account 1 has contacts 1 Jim (Salesman at Dunder Mifflin), 2 Pam, 3 Dwight, 4 Toby (archived);
// account 2 has 5 Leslie and 6 Ron.
const reseed = Effect.andThen(admin("POST", "/reset"), admin("POST", "/seed"))
const career = (reply: { readonly json: any }) => reply.json.data.information.career

layer(mockLayer(makeMonica({ rateLimit: false }), { port: 0 }))("Monica work", (it) => {
  it.effect("sets job and company, answers the whole contact with 200, and a null clears one", () =>
    Effect.gen(function*() {
      yield* reseed
      const set = yield* call("PUT", "/api/contacts/2/work", {
        token: tokenA,
        body: { job: "Astronaut", company: "NASA" }
      })
      assert.strictEqual(set.status, 200)
      assert.strictEqual(set.json.data.first_name, "Pam")
      assert.deepStrictEqual(career(set), { job: "Astronaut", company: "NASA" })
      assert.isUndefined(set.json.data.contactFields)
      const cleared = yield* call("PUT", "/api/contacts/2/work", { token: tokenA, body: { job: "Mom", company: null } })
      assert.deepStrictEqual(career(cleared), { job: "Mom", company: null })
      const read = yield* call("GET", "/api/contacts/2", { token: tokenA })
      assert.deepStrictEqual(career(read), { job: "Mom", company: null })
    }))

  it.effect("an empty value (PHP's empty(), \"0\" included) clears it; `with=contactfields` adds the fields", () =>
    Effect.gen(function*() {
      yield* reseed
      assert.deepStrictEqual(career(yield* call("GET", "/api/contacts/1", { token: tokenA })), {
        job: "Salesman",
        company: "Dunder Mifflin"
      })
      const reply = yield* call("PUT", "/api/contacts/1/work?with=contactfields", {
        token: tokenA,
        body: { job: "0", company: "  " }
      })
      // PHP's empty() holds for "0" too, and a blank string is already null after ConvertEmptyStringsToNull.
      assert.deepStrictEqual(career(reply), { job: null, company: null })
      assert.strictEqual(reply.json.data.contactFields.length, 2)
    }))

  it.effect("validates like Monica: 255 characters, a global id lookup (422), the account's own contacts (404)", () =>
    Effect.gen(function*() {
      yield* reseed
      const long = yield* call("PUT", "/api/contacts/1/work", { token: tokenA, body: { job: "x".repeat(256) } })
      assert.strictEqual(long.status, 422)
      assert.deepStrictEqual(long.json.error, {
        message: ["The job may not be greater than 255 characters."],
        error_code: 32
      })
      const nowhere = yield* call("PUT", "/api/contacts/999/work", { token: tokenA, body: { job: "x" } })
      assert.deepStrictEqual([nowhere.status, nowhere.json.error.message], [422, [
        "The selected contact id is invalid."
      ]])
      const foreign = yield* call("PUT", "/api/contacts/5/work", { token: tokenA, body: { job: "x" } })
      assert.deepStrictEqual(foreign.json, { error: { message: "The resource has not been found", error_code: 31 } })
      assert.strictEqual(foreign.status, 404)
      const archived = yield* call("PUT", "/api/contacts/4/work", { token: tokenA, body: { job: "x" } })
      assert.strictEqual(archived.status, 422)
      const leslie = yield* call("GET", "/api/contacts/5", { token: "monica-token-b" })
      assert.deepStrictEqual(career(leslie), { job: null, company: null })
    }))

  it.effect("a partial contact has no career to set", () =>
    Effect.gen(function*() {
      yield* reseed
      const partial = yield* call("POST", "/api/contacts", {
        token: tokenA,
        body: {
          first_name: "Bob",
          is_partial: true,
          is_birthdate_known: false,
          is_deceased: false,
          is_deceased_date_known: false
        }
      })
      assert.isUndefined(partial.json.data.information.career)
      const reply = yield* call("PUT", `/api/contacts/${partial.json.data.id}/work`, { token: tokenA, body: [] })
      assert.strictEqual(reply.status, 422)
      assert.deepStrictEqual(reply.json.error.message, ["The contact can't be a partial contact"])
    }))
})
