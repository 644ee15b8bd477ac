/**
 * The Monica mock held to Monica's own API tests (`tests/Api/**` at monicahq/monica@32028ce3, branch 4.x): each
 * case below is the equivalent, over real HTTP, of one test method there, named in its title. Monica's tests
 * build rows with factories; here they are made through the API itself, starting from an empty mock, with
 * account 2 (`monica-token-b`) as the "other account".
 *
 * Left out because the mock does not model what they check: birthdates and deceased dates (the `*birthdate*` and
 * `*deceased_date*` cases of ApiContactControllerTest, and the birthdate half of `it_updates_a_contact`), the "me"
 * contact (`it_gets_me_contact`), genders (`gender_id` is not sent here), food preferences and "how we met"
 * (`it_sets_food_preferences`, `it_sets_first_met*` and their error cases), and the API root (`ApiControllerTest::
 * root_api`). ApiControllerTest's unit tests of PHP getters have no HTTP form, except the sort direction, which is
 * checked here through `?sort=`.
 */
import { layer as mockLayer } from "@contactkit/mock-platform"
import { admin, call, type Reply } from "@contactkit/mock-platform/testing"
import { assert, describe, layer } from "@effect/vitest"
import { Effect } from "effect"
import { makeMonica } from "../src/index.ts"

const tokenA = "monica-token-a"
const tokenB = "monica-token-b"
const fresh = admin("POST", "/reset")

// ---- Laravel's assertJsonStructure: every key listed is present; "*" applies the rest to each array item.
type Structure = ReadonlyArray<string | { readonly [key: string]: Structure }>

const assertStructure = (value: unknown, structure: Structure, at = "$"): void => {
  for (const entry of structure) {
    if (typeof entry === "string") {
      assert.isObject(value, at)
      assert.property(value, entry, `${at}.${entry}`)
      continue
    }
    for (const [key, inner] of Object.entries(entry)) {
      if (key === "*") {
        assert.isArray(value, at)
        assert.isNotEmpty(value, at)
        for (const [index, item] of (value as ReadonlyArray<unknown>).entries()) {
          assertStructure(item, inner, `${at}[${index}]`)
        }
      } else {
        assert.property(value, key, `${at}.${key}`)
        assertStructure((value as Record<string, unknown>)[key], inner, `${at}.${key}`)
      }
    }
  }
}

const date: Structure = ["is_age_based", "is_year_unknown", "date"]
const dates: Structure = [{ birthdate: date, deceased_date: date }]
const totals: Structure = ["total", "contacts"]
const relationships: Structure = [{ love: totals, family: totals, friend: totals, work: totals }]
const account: Structure = [{ account: ["id"] }]
const contactHead = ["id", "object", "hash_id", "first_name", "last_name", "gender", "gender_type", "is_starred"]
const engagement = ["last_called", "last_activity_together", "stay_in_touch_frequency", "stay_in_touch_trigger_date"]

const contactStructure: Structure = [
  ...contactHead,
  "nickname",
  "is_partial",
  "is_dead",
  "is_me",
  ...engagement,
  { information: [{ relationships, dates }, "career", "avatar", "food_preferences", "how_you_met"] },
  "addresses",
  "tags",
  "statistics",
  ...account,
  "created_at",
  "updated_at"
]

const fieldTypeStructure: Structure = ["id", "object", "name", "protocol", "delible", "type", ...account, "created_at"]
const fieldStructure: Structure = ["id", "object", "content", "contact_field_type", ...account, "contact", "updated_at"]

const contactWithFieldsStructure: Structure = [
  ...contactHead,
  "is_partial",
  "is_dead",
  ...engagement,
  {
    information: [{
      relationships,
      dates,
      career: ["job", "company"],
      avatar: ["url", "source", "default_avatar_color"],
      how_you_met: ["general_information", { first_met_date: date }, "first_met_through_contact"]
    }, "food_preferences"],
    addresses: [],
    tags: [],
    statistics: ["calls", "notes", "activities", "reminders", "tasks", "gifts", "debts"].map((n) => `number_of_${n}`),
    contactFields: [{
      "*": [
        "id",
        "object",
        "content",
        { contact_field_type: [...fieldTypeStructure, "fontawesome_icon", "updated_at"], contact: [] },
        ...account,
        "created_at",
        "updated_at"
      ]
    }],
    notes: []
  },
  ...account,
  "created_at",
  "updated_at"
]

const contactShortStructure: Structure = [
  "id",
  "object",
  "hash_id",
  "first_name",
  "last_name",
  "nickname",
  "gender",
  "gender_type",
  "is_partial",
  "is_dead",
  { information: [{ dates }] },
  ...account,
  "created_at",
  "updated_at"
]

// ---- Fixtures, made through the API the way Monica's factories make rows (John Doe, an Email type, john@doe.com).
const created = (reply: Reply) => {
  assert.strictEqual(reply.status, 201, reply.text)
  return reply.json.data.id as number
}

const requiredFlags = { is_birthdate_known: false, is_deceased: false, is_deceased_date_known: false }

const newContact = (token: string, input: Record<string, unknown> = {}) =>
  Effect.map(
    call("POST", "/api/contacts", {
      token,
      body: { first_name: "John", last_name: "Doe", ...requiredFlags, ...input }
    }),
    created
  )

const newType = (token: string, input: Record<string, unknown> = {}) =>
  Effect.map(
    call("POST", "/api/contactfieldtypes", {
      token,
      body: { name: "Email", protocol: "mailto:", type: "email", fontawesome_icon: "fa fa-envelope-open-o", ...input }
    }),
    created
  )

const newField = (token: string, contactId: number, typeId: number, data = "john@doe.com") =>
  Effect.map(
    call("POST", "/api/contactfields", { token, body: { contact_id: contactId, contact_field_type_id: typeId, data } }),
    created
  )

const get = (token: string, path: string) => call("GET", path, { token })

const assertNotFound = (reply: Reply) => {
  assert.strictEqual(reply.status, 404)
  assert.deepStrictEqual(reply.json, { error: { message: "The resource has not been found", error_code: 31 } })
}

const assertDataError = (reply: Reply, messages: ReadonlyArray<string>) => {
  assert.strictEqual(reply.status, 422)
  assert.deepStrictEqual(reply.json, { error: { message: messages, error_code: 32 } })
}

const ids = (reply: Reply): ReadonlyArray<number> => reply.json.data.map((item: { id: number }) => item.id)

layer(mockLayer(makeMonica({ rateLimit: false }), { port: 0 }))("Monica mock against Monica's API tests", (it) => {
  describe("contact fields", () => {
    it.effect("lists one contact's fields and not another's (ApiContactFieldControllerTest::contact_fields_get_contact_all)", () =>
      Effect.gen(function*() {
        yield* fresh
        const type = yield* newType(tokenA)
        const [first, second] = [yield* newContact(tokenA), yield* newContact(tokenA)]
        const mine = yield* newField(tokenA, first, type)
        const theirs = yield* newField(tokenA, second, type)
        const reply = yield* get(tokenA, `/api/contacts/${first}/contactfields`)
        assert.strictEqual(reply.status, 200)
        assertStructure(reply.json, [{ data: [{ "*": fieldStructure }] }])
        assert.deepStrictEqual(ids(reply), [mine])
        assert.notInclude(ids(reply), theirs)
        assert.strictEqual(reply.json.data[0].object, "contactfield")
      }))

    it.effect("a contact that does not exist has no field list: 404/31 (ApiContactFieldControllerTest::contact_fields_get_contact_all_error)", () =>
      Effect.gen(function*() {
        yield* fresh
        assertNotFound(yield* get(tokenA, "/api/contacts/0/contactfields"))
      }))

    it.effect("reads one field (ApiContactFieldControllerTest::contact_fields_get_one)", () =>
      Effect.gen(function*() {
        yield* fresh
        const [type, contact] = [yield* newType(tokenA), yield* newContact(tokenA)]
        const one = yield* newField(tokenA, contact, type)
        yield* newField(tokenA, contact, type, "other@doe.com")
        const reply = yield* get(tokenA, `/api/contactfields/${one}`)
        assert.strictEqual(reply.status, 200)
        assertStructure(reply.json, [{ data: fieldStructure }])
        assert.strictEqual(reply.json.data.id, one)
        assert.strictEqual(reply.json.data.object, "contactfield")
        assert.strictEqual(reply.json.data.content, "john@doe.com")
      }))

    it.effect("field 0 is not found: 404/31 (ApiContactFieldControllerTest::contact_fields_get_one_error)", () =>
      Effect.gen(function*() {
        yield* fresh
        assertNotFound(yield* get(tokenA, "/api/contactfields/0"))
      }))

    it.effect("creates a field: 201 and it is stored (ApiContactFieldControllerTest::contact_fields_create)", () =>
      Effect.gen(function*() {
        yield* fresh
        const [type, contact] = [yield* newType(tokenA), yield* newContact(tokenA)]
        const reply = yield* call("POST", "/api/contactfields", {
          token: tokenA,
          body: { contact_id: contact, contact_field_type_id: type, data: "ok" }
        })
        const id = created(reply)
        assertStructure(reply.json, [{ data: fieldStructure }])
        assert.isAbove(id, 0)
        assert.strictEqual(reply.json.data.object, "contactfield")
        const stored = (yield* get(tokenA, `/api/contactfields/${id}`)).json.data
        assert.deepStrictEqual(
          [stored.account.id, stored.contact.id, stored.contact_field_type.id, stored.content],
          [1, contact, type, "ok"]
        )
      }))

    it.effect("a create without type and data lists both as required (ApiContactFieldControllerTest::contact_fields_create_error)", () =>
      Effect.gen(function*() {
        yield* fresh
        const contact = yield* newContact(tokenA)
        const reply = yield* call("POST", "/api/contactfields", { token: tokenA, body: { contact_id: contact } })
        assertDataError(reply, ["The contact field type id field is required.", "The data field is required."])
      }))

    it.effect("a create on another account's contact is 404/31 (ApiContactFieldControllerTest::contact_fields_create_error_bad_account)", () =>
      Effect.gen(function*() {
        yield* fresh
        const foreign = yield* newContact(tokenB)
        const type = yield* newType(tokenA)
        const reply = yield* call("POST", "/api/contactfields", {
          token: tokenA,
          body: { contact_id: foreign, contact_field_type_id: type, data: "ok" }
        })
        assertNotFound(reply)
        assert.deepStrictEqual(ids(yield* get(tokenB, `/api/contacts/${foreign}/contactfields`)), [])
      }))

    it.effect("updates a field in place: 200, same id (ApiContactFieldControllerTest::contact_fields_update)", () =>
      Effect.gen(function*() {
        yield* fresh
        const [type, contact] = [yield* newType(tokenA), yield* newContact(tokenA)]
        const field = yield* newField(tokenA, contact, type)
        const reply = yield* call("PUT", `/api/contactfields/${field}`, {
          token: tokenA,
          body: { contact_id: contact, contact_field_type_id: type, data: "ok" }
        })
        assert.strictEqual(reply.status, 200)
        assertStructure(reply.json, [{ data: fieldStructure }])
        assert.strictEqual(reply.json.data.id, field)
        assert.strictEqual(reply.json.data.object, "contactfield")
        const stored = (yield* get(tokenA, `/api/contactfields/${field}`)).json.data
        assert.deepStrictEqual([stored.contact.id, stored.contact_field_type.id, stored.content], [contact, type, "ok"])
      }))

    it.effect("an update without type and data lists both as required (ApiContactFieldControllerTest::contact_fields_update_error)", () =>
      Effect.gen(function*() {
        yield* fresh
        const [type, contact] = [yield* newType(tokenA), yield* newContact(tokenA)]
        const field = yield* newField(tokenA, contact, type)
        const reply = yield* call("PUT", `/api/contactfields/${field}`, {
          token: tokenA,
          body: { contact_id: contact }
        })
        assertDataError(reply, ["The contact field type id field is required.", "The data field is required."])
      }))

    it.effect("an update naming another account's contact is 404/31 (ApiContactFieldControllerTest::contact_fields_update_error_bad_account)", () =>
      Effect.gen(function*() {
        yield* fresh
        const [type, contact, foreign] = [yield* newType(tokenA), yield* newContact(tokenA), yield* newContact(tokenB)]
        const field = yield* newField(tokenA, contact, type)
        const reply = yield* call("PUT", `/api/contactfields/${field}`, {
          token: tokenA,
          body: { contact_id: foreign, contact_field_type_id: type, data: "ok" }
        })
        assertNotFound(reply)
        assert.strictEqual((yield* get(tokenA, `/api/contactfields/${field}`)).json.data.content, "john@doe.com")
      }))

    it.effect("deletes a field: 200, then it is gone (ApiContactFieldControllerTest::contact_fields_delete)", () =>
      Effect.gen(function*() {
        yield* fresh
        const [type, contact] = [yield* newType(tokenA), yield* newContact(tokenA)]
        const field = yield* newField(tokenA, contact, type)
        assert.strictEqual((yield* get(tokenA, `/api/contactfields/${field}`)).status, 200)
        const reply = yield* call("DELETE", `/api/contactfields/${field}`, { token: tokenA })
        assert.strictEqual(reply.status, 200)
        assert.deepStrictEqual(reply.json, { deleted: true, id: field })
        assertNotFound(yield* get(tokenA, `/api/contactfields/${field}`))
      }))

    it.effect("deleting field 0 is a validation error, not a 404 (ApiContactFieldControllerTest::contact_fields_delete_error)", () =>
      Effect.gen(function*() {
        yield* fresh
        const reply = yield* call("DELETE", "/api/contactfields/0", { token: tokenA })
        assertDataError(reply, ["The selected contact field id is invalid."])
      }))
  })

  describe("contact field types", () => {
    it.effect("reads one type (ApiContactFieldTypeControllerTest::contact_field_type_get_one)", () =>
      Effect.gen(function*() {
        yield* fresh
        const one = yield* newType(tokenA)
        yield* newType(tokenA, { name: "Phone" })
        const reply = yield* get(tokenA, `/api/contactfieldtypes/${one}`)
        assert.strictEqual(reply.status, 200)
        assertStructure(reply.json, [{ data: fieldTypeStructure }])
        assert.deepStrictEqual([reply.json.data.id, reply.json.data.object], [one, "contactfieldtype"])
      }))

    it.effect("type 0 is not found: 404/31 (ApiContactFieldTypeControllerTest::contact_field_type_get_one_error)", () =>
      Effect.gen(function*() {
        yield* fresh
        assertNotFound(yield* get(tokenA, "/api/contactfieldtypes/0"))
      }))

    it.effect("creates a type in the caller's account (ApiContactFieldTypeControllerTest::contact_field_type_create)", () =>
      Effect.gen(function*() {
        yield* fresh
        const reply = yield* call("POST", "/api/contactfieldtypes", {
          token: tokenA,
          body: { name: "Email", protocol: "mailto:", type: "email" }
        })
        const id = created(reply)
        assertStructure(reply.json, [{ data: fieldTypeStructure }])
        assert.strictEqual(reply.json.data.object, "contactfieldtype")
        const stored = (yield* get(tokenA, `/api/contactfieldtypes/${id}`)).json.data
        assert.deepStrictEqual(
          [stored.account.id, stored.name, stored.protocol, stored.type],
          [1, "Email", "mailto:", "email"]
        )
      }))

    it.effect("a create without a name is 422/32 (ApiContactFieldTypeControllerTest::contact_field_type_create_error)", () =>
      Effect.gen(function*() {
        yield* fresh
        assertDataError(yield* call("POST", "/api/contactfieldtypes", { token: tokenA, body: {} }), [
          "The name field is required."
        ])
      }))

    it.effect("updates a type in place (ApiContactFieldTypeControllerTest::contact_field_type_update)", () =>
      Effect.gen(function*() {
        yield* fresh
        const type = yield* newType(tokenA, { name: "Skype", protocol: "skype:", type: null })
        const reply = yield* call("PUT", `/api/contactfieldtypes/${type}`, {
          token: tokenA,
          body: { name: "Email2", protocol: "mailto:", type: "email" }
        })
        assert.strictEqual(reply.status, 200)
        assertStructure(reply.json, [{ data: fieldTypeStructure }])
        assert.deepStrictEqual([reply.json.data.id, reply.json.data.object], [type, "contactfieldtype"])
        const stored = (yield* get(tokenA, `/api/contactfieldtypes/${type}`)).json.data
        assert.deepStrictEqual(
          [stored.account.id, stored.name, stored.protocol, stored.type, stored.fontawesome_icon],
          [1, "Email2", "mailto:", "email", "fa fa-envelope-open-o"]
        )
      }))

    it.effect("an update without a name is 422/32 (ApiContactFieldTypeControllerTest::contact_field_type_update_error)", () =>
      Effect.gen(function*() {
        yield* fresh
        const type = yield* newType(tokenA)
        assertDataError(yield* call("PUT", `/api/contactfieldtypes/${type}`, { token: tokenA, body: [] }), [
          "The name field is required."
        ])
      }))

    it.effect("another account's type cannot be updated: 404/31 (ApiContactFieldTypeControllerTest::contact_field_type_update_error_bad_account)", () =>
      Effect.gen(function*() {
        yield* fresh
        const foreign = yield* newType(tokenB)
        const reply = yield* call("PUT", `/api/contactfieldtypes/${foreign}`, {
          token: tokenA,
          body: { name: "Email2", protocol: "mailto:", type: "email" }
        })
        assertNotFound(reply)
        assert.strictEqual((yield* get(tokenB, `/api/contactfieldtypes/${foreign}`)).json.data.name, "Email")
      }))

    it.effect("deletes a type, and the account's fields of that type (ApiContactFieldTypeControllerTest::contact_field_type_delete)", () =>
      Effect.gen(function*() {
        yield* fresh
        const [type, contact] = [yield* newType(tokenA), yield* newContact(tokenA)]
        const field = yield* newField(tokenA, contact, type)
        const reply = yield* call("DELETE", `/api/contactfieldtypes/${type}`, { token: tokenA })
        assert.strictEqual(reply.status, 200)
        assert.deepStrictEqual(reply.json, { deleted: true, id: type })
        assertNotFound(yield* get(tokenA, `/api/contactfieldtypes/${type}`))
        assertNotFound(yield* get(tokenA, `/api/contactfields/${field}`))
      }))

    it.effect("deleting type 0 is 404/31 (ApiContactFieldTypeControllerTest::contact_field_type_delete_error)", () =>
      Effect.gen(function*() {
        yield* fresh
        assertNotFound(yield* call("DELETE", "/api/contactfieldtypes/0", { token: tokenA }))
      }))

    it.effect("another account's type cannot be deleted: 404/31 (ApiContactFieldTypeControllerTest::contact_field_type_delete_bad_account)", () =>
      Effect.gen(function*() {
        yield* fresh
        const foreign = yield* newType(tokenB)
        assertNotFound(yield* call("DELETE", `/api/contactfieldtypes/${foreign}`, { token: tokenA }))
        assert.strictEqual((yield* get(tokenB, `/api/contactfieldtypes/${foreign}`)).status, 200)
      }))
  })

  describe("contacts", () => {
    const tenContacts = Effect.andThen(fresh, Effect.forEach(Array.from({ length: 10 }), () => newContact(tokenA)))

    it.effect("lists the account's contacts (ApiContactControllerTest::it_gets_a_list_of_contacts)", () =>
      Effect.gen(function*() {
        const made = yield* tenContacts
        yield* newContact(tokenB)
        const reply = yield* get(tokenA, "/api/contacts")
        assert.strictEqual(reply.status, 200)
        assertStructure(reply.json, [{ data: [{ "*": contactStructure }] }])
        assert.deepStrictEqual(ids(reply), made)
      }))

    it.effect("lists contacts that have no gender (ApiContactControllerTest::it_gets_a_list_of_contacts_without_gender)", () =>
      Effect.gen(function*() {
        yield* tenContacts
        const reply = yield* get(tokenA, "/api/contacts")
        assertStructure(reply.json, [{ data: [{ "*": contactStructure }] }])
        assert.lengthOf(reply.json.data, 10)
        for (const contact of reply.json.data) {
          assert.deepStrictEqual([contact.gender, contact.gender_type], [null, null])
        }
      }))

    it.effect("a list carries its pagination (ApiContactControllerTest::it_contains_pagination_when_fetching_contacts)", () =>
      Effect.gen(function*() {
        yield* tenContacts
        const { meta } = (yield* get(tokenA, "/api/contacts")).json
        assert.deepStrictEqual([meta.total, meta.current_page], [10, 1])
      }))

    it.effect("limit sets the page size (ApiContactControllerTest::it_applies_the_limit_parameter_in_search)", () =>
      Effect.gen(function*() {
        yield* tenContacts
        for (const [limit, lastPage] of [[1, 10], [2, 5]] as const) {
          const reply = yield* get(tokenA, `/api/contacts?limit=${limit}`)
          assert.strictEqual(reply.status, 200)
          assertStructure(reply.json, [{ data: [{ "*": contactStructure }] }])
          const { meta } = reply.json
          assert.deepStrictEqual([meta.total, meta.current_page, meta.per_page, meta.last_page], [
            10,
            1,
            limit,
            lastPage
          ])
          assert.lengthOf(reply.json.data, limit)
        }
      }))

    const rogersAndBobs = (rogers: number) =>
      Effect.gen(function*() {
        yield* fresh
        for (let i = 0; i < rogers; i++) yield* newContact(tokenA, { first_name: "roger" })
        for (let i = 0; i < 10; i++) yield* newContact(tokenA, { first_name: "bob" })
      })

    it.effect("query searches the names (ApiContactControllerTest::it_is_possible_to_search_contacts_with_query)", () =>
      Effect.gen(function*() {
        yield* rogersAndBobs(1)
        const reply = yield* get(tokenA, "/api/contacts?query=ro")
        assert.strictEqual(reply.status, 200)
        assertStructure(reply.json, [{ data: [{ "*": contactStructure }] }])
        assert.deepStrictEqual(reply.json.data.map((c: { first_name: string }) => c.first_name), ["roger"])
        assert.deepStrictEqual([reply.json.meta.total, reply.json.meta.query], [1, "ro"])
      }))

    it.effect("a search honours limit (ApiContactControllerTest::it_is_possible_to_search_contacts_and_limit_query)", () =>
      Effect.gen(function*() {
        yield* rogersAndBobs(2)
        const reply = yield* get(tokenA, "/api/contacts?query=ro&limit=1")
        const { meta } = reply.json
        assert.deepStrictEqual([meta.total, meta.query, meta.per_page, meta.current_page], [2, "ro", 1, 1])
        assert.deepStrictEqual(reply.json.data.map((c: { first_name: string }) => c.first_name), ["roger"])
      }))

    it.effect("a search pages (ApiContactControllerTest::it_is_possible_to_search_contacts_and_limit_query_and_paginate)", () =>
      Effect.gen(function*() {
        yield* rogersAndBobs(2)
        const reply = yield* get(tokenA, "/api/contacts?query=ro&limit=1&page=2")
        assertStructure(reply.json, [{ data: [{ "*": contactStructure }] }])
        const { meta } = reply.json
        assert.deepStrictEqual([meta.total, meta.query, meta.per_page, meta.current_page], [2, "ro", 1, 2])
        assert.deepStrictEqual(reply.json.data.map((c: { first_name: string }) => c.first_name), ["roger"])
      }))

    it.effect("reads one contact in the full shape (ApiContactControllerTest::it_gets_a_contact, getting_a_contact_matches_a_specific_json_structure)", () =>
      Effect.gen(function*() {
        yield* fresh
        const id = yield* newContact(tokenA, { first_name: "roger" })
        const reply = yield* get(tokenA, `/api/contacts/${id}`)
        assert.strictEqual(reply.status, 200)
        assertStructure(reply.json, [{ data: contactStructure }])
        assert.deepStrictEqual([reply.json.data.first_name, reply.json.data.object], ["roger", "contact"])
      }))

    it.effect("a partial contact has the short shape (ApiContactControllerTest::getting_a_partial_contact_matches_a_specific_json_structure)", () =>
      Effect.gen(function*() {
        yield* fresh
        const id = yield* newContact(tokenA, { first_name: "roger", is_partial: true })
        const reply = yield* get(tokenA, `/api/contacts/${id}`)
        assert.strictEqual(reply.status, 200)
        assertStructure(reply.json, [{ data: contactShortStructure }])
        assert.isTrue(reply.json.data.is_partial)
      }))

    it.effect("with=contactfields on the list embeds each contact's fields (ApiContactControllerTest::getting_a_contact_with_the_parameter_with_matches_a_specific_json_structure)", () =>
      Effect.gen(function*() {
        yield* fresh
        const [contact, type] = [yield* newContact(tokenA, { first_name: "roger" }), yield* newType(tokenA)]
        const field = yield* newField(tokenA, contact, type)
        const reply = yield* get(tokenA, "/api/contacts?with=contactfields")
        assert.strictEqual(reply.status, 200)
        assertStructure(reply.json, [{ data: [{ "*": contactWithFieldsStructure }] }])
        const embedded = reply.json.data[0].contactFields[0]
        assert.deepStrictEqual([embedded.id, embedded.object, embedded.account], [field, "contactfield", { id: 1 }])
      }))

    it.effect("with=contactfields, limit and page together (ApiContactControllerTest::it_gets_list_of_contacts_with_parameter_and_limit_and_page)", () =>
      Effect.gen(function*() {
        yield* fresh
        const [initial, firstType] = [yield* newContact(tokenA), yield* newType(tokenA)]
        const field = yield* newField(tokenA, initial, firstType)
        for (let i = 1; i < 12; i++) {
          const [contact, type] = [yield* newContact(tokenA), yield* newType(tokenA)]
          yield* newField(tokenA, contact, type)
        }
        const reply = yield* get(tokenA, "/api/contacts?with=contactfields&page=1&limit=10")
        assert.strictEqual(reply.status, 200)
        assertStructure(reply.json, [{ data: [{ "*": contactWithFieldsStructure }] }])
        assert.deepStrictEqual([reply.json.data.length, reply.json.meta.total], [10, 12])
        const embedded = reply.json.data[0].contactFields[0]
        assert.deepStrictEqual([embedded.id, embedded.object, embedded.account], [field, "contactfield", { id: 1 }])
      }))

    it.effect("a query written as SQL injection finds nothing of another account (ApiContactControllerTest::it_prevents_a_contact_query_injection)", () =>
      Effect.gen(function*() {
        yield* fresh
        const bad = yield* newContact(tokenB, { first_name: "Bad" })
        yield* newContact(tokenA)
        const reply = yield* get(tokenA, "/api/contacts?with=contactfields&page=1&limit=100&query=1')%20or%20('%25'='")
        assert.strictEqual(reply.status, 200)
        assert.notInclude(ids(reply), bad)
        assert.notInclude(reply.text, "\"Bad\"")
      }))

    it.effect("reads one contact with its fields (ApiContactControllerTest::it_gets_a_contact_with_the_contact_fields)", () =>
      Effect.gen(function*() {
        yield* fresh
        const [contact, type] = [yield* newContact(tokenA, { first_name: "roger" }), yield* newType(tokenA)]
        const field = yield* newField(tokenA, contact, type)
        const reply = yield* get(tokenA, `/api/contacts/${contact}?with=contactfields`)
        assert.strictEqual(reply.status, 200)
        assertStructure(reply.json, [{ data: contactWithFieldsStructure }])
        const data = reply.json.data
        assert.deepStrictEqual(data.information.dates.birthdate, {
          date: null,
          is_age_based: null,
          is_year_unknown: null
        })
        const [embedded] = data.contactFields
        assert.deepStrictEqual([embedded.id, embedded.object, embedded.content], [
          field,
          "contactfield",
          "john@doe.com"
        ])
        const embeddedType = embedded.contact_field_type
        assert.deepStrictEqual([embeddedType.id, embeddedType.object, embeddedType.name], [
          type,
          "contactfieldtype",
          "Email"
        ])
      }))

    it.effect("a field search stays in the caller's account (ApiContactControllerTest::contact_field_query_all_account)", () =>
      Effect.gen(function*() {
        yield* fresh
        const bad = yield* newContact(tokenB, { first_name: "Bad" })
        yield* newField(tokenB, bad, yield* newType(tokenB))
        const mine = yield* newContact(tokenA)
        yield* newField(tokenA, mine, yield* newType(tokenA))
        const reply = yield* get(tokenA, "/api/contacts?with=contactfields&page=1&limit=100&query=email:john@doe")
        assert.strictEqual(reply.status, 200)
        assert.deepStrictEqual(ids(reply), [mine])
        assert.notInclude(reply.text, "\"Bad\"")
      }))

    it.effect("a field search finds an international phone number (ApiContactControllerTest::contact_query_internationalphone)", () =>
      Effect.gen(function*() {
        yield* fresh
        const contact = yield* newContact(tokenA)
        const type = yield* newType(tokenA, { name: "Phone", protocol: "tel:", type: "phone" })
        yield* newField(tokenA, contact, type, "+447007007007")
        const reply = yield* get(tokenA, "/api/contacts?query=Phone:%2B447007007007")
        assert.strictEqual(reply.status, 200)
        const [found] = reply.json.data
        assert.deepStrictEqual([found.id, found.first_name, found.last_name, found.account], [contact, "John", "Doe", {
          id: 1
        }])
      }))
  })

  describe("contact writes", () => {
    const johnDoe = {
      first_name: "John",
      middle_name: "Freaking",
      last_name: "Doe",
      nickname: "Titi",
      description: "A great guy",
      is_partial: false,
      ...requiredFlags
    }

    it.effect("creates a contact, also at the trailing-slash URL (ApiContactControllerTest::it_creates_a_contact)", () =>
      Effect.gen(function*() {
        yield* fresh
        const reply = yield* call("POST", "/api/contacts/", { token: tokenA, body: johnDoe })
        const id = created(reply)
        assertStructure(reply.json, [{ data: contactStructure }])
        assert.strictEqual(reply.json.data.object, "contact")
        const stored = (yield* get(tokenA, `/api/contacts/${id}`)).json.data
        assert.deepStrictEqual(
          [
            stored.account.id,
            stored.first_name,
            stored.last_name,
            stored.is_starred,
            stored.is_partial,
            stored.is_dead
          ],
          [1, "John", "Doe", false, false, false]
        )
      }))

    it.effect("a create without the three flags lists them as required (ApiContactControllerTest::creating_contact_is_not_possible_if_parameters_are_missing)", () =>
      Effect.gen(function*() {
        yield* fresh
        const reply = yield* call("POST", "/api/contacts/", {
          token: tokenA,
          body: { first_name: "John", last_name: "Doe" }
        })
        assertDataError(reply, [
          "The is birthdate known field is required.",
          "The is deceased field is required.",
          "The is deceased date known field is required."
        ])
        assert.deepStrictEqual(ids(yield* get(tokenA, "/api/contacts")), [])
      }))

    it.effect("updates a contact: 200 and the new names (ApiContactControllerTest::it_updates_a_contact, without its birthdate)", () =>
      Effect.gen(function*() {
        yield* fresh
        const id = yield* newContact(tokenA, { first_name: "Jane" })
        const reply = yield* call("PUT", `/api/contacts/${id}`, { token: tokenA, body: johnDoe })
        assert.strictEqual(reply.status, 200)
        assertStructure(reply.json, [{ data: contactStructure }])
        const data = reply.json.data
        assert.deepStrictEqual([data.object, data.id, data.first_name, data.nickname], ["contact", id, "John", "Titi"])
      }))

    it.effect("another account's contact cannot be updated: 404/31 (ApiContactControllerTest::contact_update_bad_account)", () =>
      Effect.gen(function*() {
        yield* fresh
        const foreign = yield* newContact(tokenB, { first_name: "Jane" })
        assertNotFound(yield* call("PUT", `/api/contacts/${foreign}`, { token: tokenA, body: johnDoe }))
        assert.strictEqual((yield* get(tokenB, `/api/contacts/${foreign}`)).json.data.first_name, "Jane")
      }))

    it.effect("an update without the flags lists them as required (ApiContactControllerTest::it_cant_update_the_contact_if_parameters_are_missing)", () =>
      Effect.gen(function*() {
        yield* fresh
        const id = yield* newContact(tokenA)
        const reply = yield* call("PUT", `/api/contacts/${id}`, {
          token: tokenA,
          body: { first_name: "Jane", last_name: "Doe" }
        })
        assertDataError(reply, [
          "The is birthdate known field is required.",
          "The is deceased date known field is required."
        ])
      }))

    it.effect("deletes a contact: 200, then it is gone (ApiContactControllerTest::it_deletes_a_contact)", () =>
      Effect.gen(function*() {
        yield* fresh
        const id = yield* newContact(tokenA)
        const reply = yield* call("DELETE", `/api/contacts/${id}`, { token: tokenA })
        assert.strictEqual(reply.status, 200)
        // The untyped controller argument echoes the route segment, a string.
        assert.deepStrictEqual(reply.json, { deleted: true, id: String(id) })
        assertNotFound(yield* get(tokenA, `/api/contacts/${id}`))
      }))

    it.effect("sets job and company, and a null clears one (ApiContactControllerTest::it_sets_career)", () =>
      Effect.gen(function*() {
        yield* fresh
        const id = yield* newContact(tokenA)
        const career = (reply: Reply) => reply.json.data.information.career
        const set = yield* call("PUT", `/api/contacts/${id}/work`, {
          token: tokenA,
          body: { job: "Astronaut", company: "NASA" }
        })
        assert.strictEqual(set.status, 200)
        assert.deepStrictEqual(career(set), { job: "Astronaut", company: "NASA" })
        assert.deepStrictEqual(career(yield* get(tokenA, `/api/contacts/${id}`)), { job: "Astronaut", company: "NASA" })
        const mom = yield* call("PUT", `/api/contacts/${id}/work`, {
          token: tokenA,
          body: { job: "Mom", company: null }
        })
        assert.strictEqual(mom.status, 200)
        assert.deepStrictEqual(career(mom), { job: "Mom", company: null })
        assert.deepStrictEqual(career(yield* get(tokenA, `/api/contacts/${id}`)), { job: "Mom", company: null })
      }))

    it.effect("another account's contact gets no career: 404/31 (ApiContactControllerTest::it_get_an_error_when_set_career_with_wrong_params)", () =>
      Effect.gen(function*() {
        yield* fresh
        const foreign = yield* newContact(tokenB)
        assertNotFound(
          yield* call("PUT", `/api/contacts/${foreign}/work`, { token: tokenA, body: { job: "xx", company: "xx" } })
        )
      }))

    it.effect("a partial contact gets no career: 422/32 (ApiContactControllerTest::it_get_an_error_when_set_career_on_partial_contact)", () =>
      Effect.gen(function*() {
        yield* fresh
        const id = yield* newContact(tokenA, { is_partial: true })
        const reply = yield* call("PUT", `/api/contacts/${id}/work`, { token: tokenA, body: [] })
        assertDataError(reply, ["The contact can't be a partial contact"])
      }))
  })

  describe("request checks", () => {
    it.effect("a limit far above 100 is 400/30 (ApiControllerTest::calling_api_with_insane_limit_number_raises_an_error)", () =>
      Effect.gen(function*() {
        yield* fresh
        const reply = yield* get(tokenA, "/api/contacts?limit=10000")
        assert.strictEqual(reply.status, 400)
        assert.deepStrictEqual(reply.json, { error: { message: "The limit parameter is too big", error_code: 30 } })
      }))

    it.effect("an unknown sort is 400/39 (ApiControllerTest::calling_api_with_a_wrong_sort_parameter_raises_an_error)", () =>
      Effect.gen(function*() {
        yield* fresh
        const reply = yield* get(tokenA, "/api/contacts?sort=anything")
        assert.strictEqual(reply.status, 400)
        assert.deepStrictEqual(reply.json, { error: { message: "The sorting criteria is invalid", error_code: 39 } })
      }))

    it.effect("sort=created_at is ascending and -created_at descending (ApiControllerTest::it_sets_the_order_by_parameters)", () =>
      Effect.gen(function*() {
        yield* fresh
        const made = [yield* newContact(tokenA), yield* newContact(tokenA), yield* newContact(tokenA)]
        assert.deepStrictEqual(ids(yield* get(tokenA, "/api/contacts?sort=created_at")), made)
        assert.deepStrictEqual(ids(yield* get(tokenA, "/api/contacts?sort=-created_at")), [...made].reverse())
      }))

    it.effect("a request without a token is 401 Unauthenticated (ApiAuthenticateTest::guest_is_rejected)", () =>
      Effect.gen(function*() {
        const reply = yield* call("GET", "/api/contacts")
        assert.strictEqual(reply.status, 401)
        assert.deepStrictEqual(reply.json, { message: "Unauthenticated." })
      }))
  })
})
