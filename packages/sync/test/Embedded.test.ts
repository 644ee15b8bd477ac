/**
 * Proof (a), embedded: one process, the single-runner cluster over a SQLite file, two vendors picked from the
 * registry by capability (the target can delete, and every write to a contact names it in its URL). A first run
 * copies every source contact once — even with the answer to one create cut off by the target mock, which the
 * sync settles by reading the target instead of creating again; then a contact deleted and another changed at the
 * source, and the second run removes and updates exactly those, counted at the target mock's request log; a
 * third run with no change sends the target no write at all. A run stopped part way (the engine shut down under
 * it) is resumed — the same run — from the state file, and leaves each contact at the target once.
 */
import { ContactId } from "@contactkit/domain"
import { vendors } from "@contactkit/registry"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Fiber, FileSystem } from "effect"
import { join } from "node:path"
import { Credentials, Embedded, Jobs } from "../src/index.ts"
import type { SyncJob } from "../src/SyncJob.ts"
import { canonicalOf, directoryAt, expectedAt, listAll, person, populate } from "./support/Directories.ts"
import { addFault, clearRequests, isPlainTarget, requestsAt, startMock, writesOf } from "./support/MockVendors.ts"

const target = vendors.find(isPlainTarget)!
/** A source that returns the generated people's e-mails and phones as written (typed fields on the contact). */
const source = vendors.find((vendor) => vendor !== target && isPlainTarget(vendor))!
const contacts = 12

/** A state file in a directory of its own, deleted with the test's scope. */
const stateFile = Effect.gen(function*() {
  const fs = yield* FileSystem.FileSystem
  return join(yield* fs.makeTempDirectoryScoped({ prefix: "ck-sync-" }), "sync.sqlite")
}).pipe(Effect.provide(NodeFileSystem.layer))

describe(`embedded sync (${source.name} → ${target.name})`, () => {
  it.live(
    "creates each contact once, then removes and updates exactly what changed, then writes nothing",
    () =>
      Effect.gen(function*() {
        const sourceUrl = yield* startMock(source)
        const targetUrl = yield* startMock(target)
        const from = yield* directoryAt(source, sourceUrl)
        const to = yield* directoryAt(target, targetUrl)
        yield* populate(from, contacts)
        const job: SyncJob = {
          jobId: "embedded-proof",
          tenant: "t1",
          source: { vendor: source.name, credential: "src" },
          target: { vendor: target.name, credential: "tgt" }
        }
        const engine = Embedded.layer(
          { filename: yield* stateFile },
          Credentials.layerFromVariables({ SRC_MOCK: sourceUrl, TGT_MOCK: targetUrl })
        )
        const run = Jobs.runNow(job).pipe(Effect.provide(engine))

        // Run 1, with the answer to the first create cut off after the target stored it.
        yield* addFault(targetUrl, { kind: "truncated", method: "POST", count: 1 })
        const first = yield* run
        const sources = yield* listAll(from)
        assert.strictEqual(first.created, contacts)
        assert.strictEqual(first.checkedAtTarget, 1, "the create whose answer was lost is found at the target")
        assert.sameMembers((yield* listAll(to)).map(canonicalOf), [...expectedAt(target, sources)])

        // One contact deleted and another changed at the source.
        const [gone, changed] = sources
        yield* from.remove(gone!.id)
        const edited = { ...person(1), name: { given: "Renamed", family: "Person" } }
        yield* from.update(changed!.id, { name: { given: "Renamed", family: "Person" }, fields: edited.fields })
        const before = new Map((yield* listAll(to)).map((contact) => [canonicalOf(contact), contact.id]))
        const goneAt = before.get(expectedAt(target, [gone!])[0]!)!
        const changedAt = before.get(expectedAt(target, [changed!])[0]!)!
        yield* clearRequests(targetUrl)

        const second = yield* run
        assert.deepInclude(second, { created: 0, updated: 1, removed: 1, unchanged: contacts - 2 })
        const writes = writesOf(yield* requestsAt(targetUrl))
        assert.deepStrictEqual(writes.filter((r) => r.method === "DELETE").map((r) => r.url.includes(goneAt)), [true])
        assert.isAbove(writes.length, 1)
        for (const request of writes) {
          assert.isTrue(request.url.includes(request.method === "DELETE" ? goneAt : changedAt), request.url)
        }
        const afterwards = yield* listAll(from)
        assert.sameMembers((yield* listAll(to)).map(canonicalOf), [...expectedAt(target, afterwards)])
        assert.isTrue((yield* Effect.exit(to.get(ContactId.make(goneAt))))._tag === "Failure")

        yield* clearRequests(targetUrl)
        const third = yield* run
        assert.deepInclude(third, { created: 0, updated: 0, removed: 0, unchanged: contacts - 1 })
        assert.deepStrictEqual(writesOf(yield* requestsAt(targetUrl)), [])
      }).pipe(Effect.scoped),
    { timeout: 60_000 }
  )

  it.live(
    "a run cut short resumes where it stopped, on the same state file: each contact once",
    () =>
      Effect.gen(function*() {
        const sourceUrl = yield* startMock(source)
        const targetUrl = yield* startMock(target)
        const from = yield* directoryAt(source, sourceUrl)
        const to = yield* directoryAt(target, targetUrl)
        yield* populate(from, 30, 100)
        const job: SyncJob = {
          jobId: "embedded-resume",
          tenant: "t2",
          source: { vendor: source.name, credential: "src" },
          target: { vendor: target.name, credential: "tgt" }
        }
        const filename = yield* stateFile
        const run = Jobs.runNow(job).pipe(
          Effect.provide(
            Embedded.layer({ filename }, Credentials.layerFromVariables({ SRC_MOCK: sourceUrl, TGT_MOCK: targetUrl }))
          )
        )
        // Slow writes, so the run is surely under way when it is stopped.
        yield* addFault(targetUrl, { kind: "latency", latencyMs: 150, method: "POST", count: 30 })
        const first = yield* Effect.forkChild(run)
        while ((yield* listAll(to)).length < 4) yield* Effect.sleep("50 millis")
        yield* Fiber.interrupt(first)
        const partial = (yield* listAll(to)).length
        assert.isBelow(partial, 30, "the first attempt was stopped part way")

        const resumed = yield* run
        assert.strictEqual(resumed.run, 1, "the same run, resumed rather than started again")
        assert.strictEqual(resumed.created, 30)
        const held = (yield* listAll(to)).map(canonicalOf)
        assert.strictEqual(held.length, 30)
        assert.sameMembers(held, [...expectedAt(target, yield* listAll(from))])
      }).pipe(Effect.scoped),
    { timeout: 60_000 }
  )
})
