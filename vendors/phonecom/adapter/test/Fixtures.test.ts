/**
 * Recorded Phone.com exchanges, one JSON file per case: `test/fixtures/<operation>.<case>.json`.
 * Each runs through the real directory against nock, so a new case is a new file. Shapes:
 *
 * - `get.*`    `{ "vendorResponse": ContactFull, "expected": Contact without remote }` — the
 *              contact read by `get`; its `remote.record` must be `vendorResponse` exactly.
 * - `list.*`   `{ "vendorResponse": ListContacts envelope, "expected": [Contact without remote] }` —
 *              served as the first (and only) page of `list()`; each `remote.record` is its item.
 * - `create.*` `{ "draft": ContactDraft, "expectedRequest": CreateContactParams,
 *                 "vendorResponse"?: ContactFull, "expected"?: Contact without remote }` — the
 *              request side: `create(draft)` must POST exactly `expectedRequest`. The answer is
 *              `vendorResponse`, or Phone.com's echo of the request (test/echo.ts) when absent;
 *              `expected`, when present, is the contact `create` must return.
 */
import type { Contact, ContactDraft, ContactId } from "@contactkit/domain"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Stream } from "effect"
import nock from "nock"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import type { PhonecomContactInput } from "../src/index.ts"
import { echo } from "./echo.ts"
import { api, contactsPath, useNock, withDirectory } from "./support.ts"

useNock()

const fixturesDir = join(import.meta.dirname, "fixtures")
const files = readdirSync(fixturesDir).filter((f) => f.endsWith(".json")).sort()
const operations = ["get", "list", "create"] as const

type Fixture = Record<string, any>

const withoutRemote = ({ remote: _, ...rest }: Contact) => rest

const checkGet = (fixture: Fixture) =>
  Effect.gen(function*() {
    const { vendorResponse, expected } = fixture
    api().get(`${contactsPath}/${vendorResponse.id}`).reply(200, vendorResponse)
    const contact = yield* withDirectory((d) => d.get(String(vendorResponse.id) as ContactId))
    assert.deepStrictEqual(withoutRemote(contact), expected)
    assert.deepStrictEqual(contact.remote, { vendor: "phonecom", record: vendorResponse })
  })

const checkList = (fixture: Fixture) =>
  Effect.gen(function*() {
    const { vendorResponse, expected } = fixture
    api().get(contactsPath).query({ limit: "100", offset: "0" }).reply(200, vendorResponse)
    const contacts = yield* withDirectory((d) => Stream.runCollect(d.list()))
    assert.deepStrictEqual(contacts.map(withoutRemote), expected)
    assert.deepStrictEqual(
      contacts.map((c) => c.remote),
      vendorResponse.items.map((record: unknown) => ({ vendor: "phonecom", record }))
    )
    assert.isTrue(nock.isDone())
  })

const checkCreate = (fixture: Fixture) =>
  Effect.gen(function*() {
    const { draft, expectedRequest, vendorResponse, expected } = fixture
    assert.isDefined(draft, "a create fixture has a draft")
    assert.isDefined(expectedRequest, "a create fixture has an expectedRequest")
    const sent: Array<unknown> = []
    api().post(contactsPath, (body) => (sent.push(body), true)).reply(
      201,
      () => vendorResponse ?? echo(sent[0] as PhonecomContactInput, { id: 101 })
    )
    const result = yield* withDirectory((d) => d.create(draft as ContactDraft))
    assert.deepStrictEqual(sent, [expectedRequest])
    assert.strictEqual(result.outcome, "created")
    if (expected !== undefined) assert.deepStrictEqual(withoutRemote(result.contact), expected)
  })

const checks = { get: checkGet, list: checkList, create: checkCreate }

describe("Phone.com fixtures (test/fixtures/<operation>.<case>.json)", () => {
  it("has fixtures for every operation", () => {
    for (const operation of operations) {
      assert.isTrue(files.some((f) => f.startsWith(`${operation}.`)), `no ${operation}.*.json`)
    }
  })

  for (const file of files) {
    it.effect(file, () =>
      Effect.gen(function*() {
        const operation = file.split(".")[0] as (typeof operations)[number]
        assert.include(operations, operation, `unknown operation in ${file}`)
        const fixture: Fixture = JSON.parse(readFileSync(join(fixturesDir, file), "utf8"))
        yield* checks[operation](fixture)
      }))
  }
})
