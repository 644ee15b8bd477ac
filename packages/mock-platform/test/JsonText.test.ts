/**
 * JSON text answers: `withJsonRows` and `withJsonRowBytes` join rows' texts or bytes into an envelope's
 * serialisation with exactly the bytes of serialising the whole value, `jsonTextResponse` and `jsonBytesResponse`
 * answer as `jsonResponse` does, and `perRow` computes once per row.
 */
import { assert, describe, it } from "@effect/vitest"
import type { HttpBody } from "effect/http"
import * as fc from "fast-check"
import {
  jsonBytesResponse,
  jsonResponse,
  jsonTextResponse,
  perRow,
  withJsonRowBytes,
  withJsonRows
} from "../src/index.ts"

const bodyText = (body: unknown) => new TextDecoder().decode((body as HttpBody.Uint8Array).body)
const member = fc.string({ unit: "binary", maxLength: 6 }).filter((name) => name !== "__proto__")

describe("JSON text", () => {
  it("withJsonRows is JSON.stringify of the envelope with the rows in place, as its first or last member", () => {
    fc.assert(
      fc.property(
        member,
        fc.array(fc.jsonValue(), { maxLength: 8 }),
        fc.dictionary(member, fc.jsonValue(), { maxKeys: 4 }),
        fc.boolean(),
        (name, rows, others, first) => {
          const rest = Object.fromEntries(Object.entries(others).filter(([key]) => key !== name))
          const envelope = first ? { [name]: [], ...rest } : { ...rest, [name]: [] }
          const whole = first ? { [name]: rows, ...rest } : { ...rest, [name]: rows }
          const texts = rows.map((row) => JSON.stringify(row))
          assert.strictEqual(withJsonRows(envelope, name, texts), JSON.stringify(whole))
          const bytes = withJsonRowBytes(envelope, name, texts.map((row) => Buffer.from(row)))
          assert.deepStrictEqual(Buffer.from(bytes), Buffer.from(JSON.stringify(whole)))
        }
      ),
      { numRuns: 500 }
    )
  })

  it("withJsonRows refuses a member in the middle", () => {
    assert.throws(() => withJsonRows({ a: 1, items: [], b: 2 }, "items", ["1"]))
    assert.throws(() => withJsonRowBytes({ a: 1, items: [], b: 2 }, "items", [Buffer.from("1")]))
  })

  it("jsonTextResponse and jsonBytesResponse answer with jsonResponse's status, headers and bytes", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(200, 201, 404, 422), (value, status) => {
        const fromValue = jsonResponse(status, value)
        const fromText = jsonTextResponse(status, JSON.stringify(value))
        assert.strictEqual(fromText.status, fromValue.status)
        assert.deepStrictEqual({ ...fromText.headers }, { ...fromValue.headers })
        assert.strictEqual(bodyText(fromText.body), bodyText(fromValue.body))
        const fromBytes = jsonBytesResponse(status, Buffer.from(JSON.stringify(value)))
        assert.strictEqual(fromBytes.status, fromValue.status)
        assert.deepStrictEqual({ ...fromBytes.headers }, { ...fromValue.headers })
        assert.strictEqual(bodyText(fromBytes.body), bodyText(fromValue.body))
      })
    )
  })

  it("perRow computes once per row object and again for another object", () => {
    let calls = 0
    const text = perRow((row: { readonly n: number }) => {
      calls++
      return `#${row.n}`
    })
    const row = { n: 1 }
    assert.strictEqual(text(row), "#1")
    assert.strictEqual(text(row), "#1")
    assert.strictEqual(calls, 1)
    assert.strictEqual(text({ n: 1 }), "#1")
    assert.strictEqual(calls, 2)
  })
})
