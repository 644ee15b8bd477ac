/** A write's idempotency key is the one Effect's own `Activity.idempotencyKey` derives, for any execution and name. */
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { Activity, WorkflowEngine } from "effect/workflow"
import fc from "fast-check"
import { SyncRun } from "../src/SyncRun.ts"
import { writeKey, writeName } from "../src/WriteKey.ts"

/** What the workflow engine answers for `name` inside the execution `executionId`. */
const engineKey = (executionId: string, name: string) =>
  Activity.idempotencyKey(name).pipe(
    Effect.provideService(
      WorkflowEngine.WorkflowInstance,
      WorkflowEngine.WorkflowInstance.initial(SyncRun, executionId)
    )
  )

describe("writeKey", () => {
  it.effect("is Activity.idempotencyKey for any execution id and write name", () =>
    Effect.promise(() =>
      fc.assert(
        fc.asyncProperty(fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), async (executionId, name) => {
          const expected = await Effect.runPromise(engineKey(executionId, name))
          assert.strictEqual(writeKey(executionId, name), expected)
        })
      )
    ))

  it.effect("matches the engine on a real write's name", () =>
    Effect.gen(function*() {
      const name = writeName({ _tag: "Remove", sourceId: "c-17", targetId: "t-3", fingerprint: null })
      assert.strictEqual(name, "Remove/c-17")
      assert.strictEqual(writeKey("3f2a", name), yield* engineKey("3f2a", name))
      assert.match(writeKey("3f2a", name), /^[0-9a-f]{32}$/u)
    }))
})
