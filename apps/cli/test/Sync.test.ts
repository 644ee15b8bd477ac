/**
 * `contactkit sync` embedded, end to end against the mocks: the first run creates every source contact at the
 * target and names what the target cannot hold; the second, with nothing changed at the source, sends the target
 * no write; a contact deleted at the source is removed by the next run. `--tenant` without a cluster database and
 * `worker` without one are usage errors. No credential appears in any output.
 */
import { assert, layer } from "@effect/vitest"
import { Effect } from "effect"
import { join } from "node:path"
import { admin, contactkit, contactsAt, mocksLayer, requestsAt } from "./CliHarness.ts"
import { tempDir } from "./TempDir.ts"
import { source, target } from "./Vendors.ts"

const stateFile = () => join(tempDir("contactkit-sync-"), "sync.sqlite")
const sync = (...more: ReadonlyArray<string>) => contactkit("sync", "--from", source.name, "--to", target.name, ...more)
const noSecret = (text: string) => {
  assert.notInclude(text, source.mockApiKey)
  assert.notInclude(text, target.mockApiKey)
}

layer(mocksLayer, { timeout: "60 seconds", excludeTestServices: true })(
  `contactkit sync (${source.name} → ${target.name})`,
  (it) => {
    it.effect("creates every contact once, then writes nothing, then removes what the source deleted", () =>
      Effect.gen(function*() {
        const state = stateFile()
        const sources = yield* contactsAt(source)
        const before = (yield* contactsAt(target)).length

        const first = yield* sync("--state", state)
        noSecret(first.stdout + first.stderr)
        assert.include(first.stdout, `run 1: ${sources.length} created, 0 updated, 0 removed, 0 unchanged`)
        assert.strictEqual((yield* contactsAt(target)).length, before + sources.length)

        yield* admin(target, "DELETE", "/requests")
        const second = yield* sync("--state", state)
        assert.include(second.stdout, `run 2: 0 created, 0 updated, 0 removed, ${sources.length} unchanged`)
        assert.deepStrictEqual((yield* requestsAt(target)).filter((request) => request.method !== "GET"), [])

        yield* admin(source, "POST", "/reset")
        const third = yield* sync("--state", state)
        assert.include(third.stdout, `run 3: 0 created, 0 updated, ${sources.length} removed, 0 unchanged`)
        assert.strictEqual((yield* contactsAt(target)).length, before)
      }))

    it.effect("--tenant registers with a cluster, which needs CK_SYNC_DATABASE_URL; so does worker", () =>
      Effect.gen(function*() {
        const register = yield* sync("--tenant", "acme")
        assert.strictEqual(register.code, 2)
        assert.include(register.stderr, "CK_SYNC_DATABASE_URL")
        const every = yield* sync("--every", "15 minutes")
        assert.strictEqual(every.code, 2)
        const worker = yield* contactkit("worker")
        assert.strictEqual(worker.code, 2)
        assert.include(worker.stderr, "CK_SYNC_DATABASE_URL")
      }))
  }
)
