/**
 * NGP exchanges, one JSON file per case: `test/fixtures/<operation>.<case>.json`, so a new case is a new file.
 *
 * - `get.*`    `{ "vendorResponse": NGP contact, "expected": Contact without remote }` — `toContact`; `remote.record`
 *              must be `vendorResponse` exactly.
 * - `create.*` `{ "draft": ContactDraft, "expectedRequest": POST /v2/contacts body }` — `toNgpvanInput`.
 * - `update.*` `{ "stored": NGP contact, "draft": ContactDraft, "expectedRequest": POST /v2/contacts/{id} body }` —
 *              `toNgpvanUpdate`.
 */
import type { Contact } from "@contactkit/domain"
import { assert, describe, it } from "@effect/vitest"
import { Schema } from "effect"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { NgpvanMapping, NgpvanSchema } from "../src/index.ts"

const dir = join(import.meta.dirname, "fixtures")
const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort()
const decodeContact = Schema.decodeUnknownSync(NgpvanSchema.NgpvanContact)

const withoutRemote = ({ remote: _, ...rest }: Contact) => rest

const checks: Record<string, (fixture: Record<string, any>) => void> = {
  get: ({ expected, vendorResponse }) => {
    const contact = NgpvanMapping.toContact(decodeContact(vendorResponse), vendorResponse)
    assert.deepStrictEqual(withoutRemote(contact), expected)
    assert.deepStrictEqual(contact.remote, { vendor: "ngpvan", record: vendorResponse })
  },
  create: ({ draft, expectedRequest }) => assert.deepStrictEqual(NgpvanMapping.toNgpvanInput(draft), expectedRequest),
  update: ({ draft, expectedRequest, stored }) =>
    assert.deepStrictEqual(NgpvanMapping.toNgpvanUpdate(decodeContact(stored), draft), expectedRequest)
}

describe("fixtures", () => {
  it("there is at least one fixture of each operation", () =>
    assert.sameMembers([...new Set(files.map((f) => f.split(".")[0]))], Object.keys(checks)))

  for (const file of files) {
    it(file, () => {
      const check = checks[file.split(".")[0] ?? ""]
      assert.isDefined(check, `no check for ${file}`)
      check!(JSON.parse(readFileSync(join(dir, file), "utf8")))
    })
  }
})
