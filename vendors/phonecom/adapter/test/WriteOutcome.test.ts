/**
 * Phone.com writes reported truthfully (issue: a garbled or cut 201 to a POST used to be a plain
 * `UnexpectedResponse{status: 201}` although the contact was stored): any write whose answer cannot be read
 * fails with `VendorUnavailable{mayHaveSucceeded: true}`, is sent once, and is not retryable; a PUT whose answer
 * was cut is repeated (a PUT may be); a read with a garbled answer stays `UnexpectedResponse`.
 */
import { type ContactDraft, type ContactId, makePhone } from "@contactkit/domain"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Fiber } from "effect"
import { TestClock } from "effect/testing"
import nock from "nock"
import { Readable } from "node:stream"
import { api, contactsPath, settle, useNock, waitFor, withDirectory } from "./support.ts"

useNock()

const draft: ContactDraft = {
  kind: "individual",
  name: { given: "Ada" },
  organization: {},
  fields: [makePhone("(202) 555-0123")]
}

const wire = { id: 42, first_name: "Ada", emails: [], phone_numbers: [], addresses: [] }

/** Announces 60 bytes, sends the first few, then the connection breaks. */
const cutBody = (calls: { n: number }) => () => {
  calls.n += 1
  const body = new Readable({ read() {} })
  body.push(`{"id": 42, "first_na`)
  setTimeout(() => body.destroy(new Error("socket hang up")), 5)
  return body
}
const announced = { "content-type": "application/json", "content-length": "60" }

const mayHaveSucceeded = (reason: { readonly _tag: string; readonly mayHaveSucceeded?: boolean }) =>
  reason._tag === "VendorUnavailable" && reason.mayHaveSucceeded === true

describe("Phone.com writes whose answer is lost", () => {
  it.effect("create answered 201 with a body that is not JSON: may have happened, not retryable", () =>
    Effect.gen(function*() {
      api().post(contactsPath).reply(201, `{"id": 42, "first_na<<malformed>>`, { "content-type": "application/json" })
      const error = yield* Effect.flip(withDirectory((d) => d.create(draft)))
      assert.strictEqual(error.operation, "create")
      assert.isTrue(mayHaveSucceeded(error.reason), `got ${error.reason._tag}`)
      assert.isFalse(error.isRetryable)
    }))

  it.effect("create answered 201 with a body off the contract (no id): may have happened", () =>
    Effect.gen(function*() {
      api().post(contactsPath).reply(201, { first_name: "Ada" })
      const error = yield* Effect.flip(withDirectory((d) => d.create(draft)))
      assert.isTrue(mayHaveSucceeded(error.reason), `got ${error.reason._tag}`)
    }))

  it.effect("create answered 201 whose body is cut off: sent exactly once, may have happened", () =>
    Effect.gen(function*() {
      const calls = { n: 0 }
      api().post(contactsPath).times(3).reply(201, cutBody(calls), announced)
      const error = yield* Effect.flip(withDirectory((d) => d.create(draft)))
      assert.isTrue(mayHaveSucceeded(error.reason), `got ${error.reason._tag}`)
      assert.strictEqual(calls.n, 1)
    }))

  it.effect("update whose PUT answer is garbled: may have happened", () =>
    Effect.gen(function*() {
      api().get(`${contactsPath}/42`).reply(200, wire)
      api().put(`${contactsPath}/42`).reply(200, "<<malformed>>", { "content-type": "application/json" })
      const error = yield* Effect.flip(withDirectory((d) => d.update("42" as ContactId, { name: { given: "Ida" } })))
      assert.strictEqual(error.operation, "update")
      assert.isTrue(mayHaveSucceeded(error.reason), `got ${error.reason._tag}`)
    }))

  it.effect("update whose PUT answer is cut off: the PUT is repeated, and the update succeeds", () =>
    Effect.gen(function*() {
      const calls = { n: 0 }
      api().get(`${contactsPath}/42`).reply(200, wire)
      api().put(`${contactsPath}/42`).reply(200, cutBody(calls), announced)
      api().put(`${contactsPath}/42`).reply(200, { ...wire, first_name: "Ida" })
      const fiber = yield* Effect.forkChild(
        withDirectory((d) => d.update("42" as ContactId, { name: { given: "Ida" } }))
      )
      yield* waitFor(() => calls.n, 1)
      yield* settle
      yield* TestClock.adjust("1 second")
      const contact = yield* Fiber.join(fiber)
      assert.strictEqual(contact.name.given, "Ida")
      assert.isTrue(nock.isDone())
    }))

  it.effect("a read with a garbled answer is still UnexpectedResponse: nothing was written", () =>
    Effect.gen(function*() {
      api().get(`${contactsPath}/42`).reply(200, "<<malformed>>", { "content-type": "application/json" })
      const error = yield* Effect.flip(withDirectory((d) => d.get("42" as ContactId)))
      assert.strictEqual(error.reason._tag, "UnexpectedResponse")
    }))
})
