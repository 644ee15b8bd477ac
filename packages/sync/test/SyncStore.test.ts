/**
 * The journal's one-statement begins answer what the read-then-begin they stand in for decides, for every state a
 * link can be in: `beginNew` journals the write exactly when no link exists, `beginOver` exactly when the link is
 * settled at the planned target with another hash and no write under way; when they do, the link is what `begin`
 * leaves from the same state, and when they do not, it is untouched (the caller then reads it and goes the old way).
 */
import { assert, layer } from "@effect/vitest"
import { Effect, Layer } from "effect"
import fc from "fast-check"
import * as NodeSqliteClient from "../src/NodeSqliteClient.ts"
import { type LinkRow, type PendingWrite, SyncStore } from "../src/SyncStore.ts"
import { layer as storeLayer } from "../src/SyncStore.ts"
import { migrate } from "../src/SyncTables.ts"

const database = Layer.effectDiscard(migrate).pipe(
  Layer.provideMerge(NodeSqliteClient.layer({ filename: ":memory:" })),
  Layer.orDie
)

/** Small pools, so that the generated link and the planned write often agree on a target or a hash. */
const targetArb = fc.constantFrom("t1", "t2")
const hashArb = fc.constantFrom("h1", "h2")
const pendingArb: fc.Arbitrary<PendingWrite> = fc.record({
  key: fc.constantFrom("k1", "k2"),
  hash: fc.option(hashArb, { nil: null }),
  fingerprint: fc.option(fc.constantFrom("f1", "f2"), { nil: null })
})

/** A link's state, as the store's own writes leave it: none, a write begun, settled, or settled with one begun. */
const stateArb = fc.record({
  settled: fc.option(fc.record({ targetId: targetArb, hash: hashArb }), { nil: undefined }),
  begun: fc.option(pendingArb, { nil: undefined })
})
type State = typeof stateArb extends fc.Arbitrary<infer A> ? A : never

const caseArb = fc.record({
  state: stateArb,
  write: fc.record({ key: fc.constantFrom("k1", "k3"), hash: hashArb, fingerprint: fc.constantFrom("f1", "f3") }),
  targetId: targetArb
})

let jobs = 0

const prepared = (state: State) =>
  Effect.gen(function*() {
    const store = yield* SyncStore
    const jobId = `job${++jobs}`
    if (state.settled !== undefined) yield* store.written(jobId, "s", state.settled.targetId, state.settled.hash)
    if (state.begun !== undefined) yield* store.begin(jobId, "s", state.begun)
    return { jobId, before: yield* store.link(jobId, "s") }
  })

/** The link `begin` leaves from `state`: what the read-then-begin way would have journaled. */
const afterBegin = (state: State, write: PendingWrite) =>
  Effect.gen(function*() {
    const store = yield* SyncStore
    const { jobId } = yield* prepared(state)
    yield* store.begin(jobId, "s", write)
    return yield* store.link(jobId, "s")
  })

const check = (
  begun: boolean,
  expected: boolean,
  state: State,
  write: PendingWrite,
  before: LinkRow | undefined,
  after: LinkRow | undefined
) =>
  Effect.gen(function*() {
    assert.strictEqual(begun, expected)
    assert.deepStrictEqual(after, expected ? yield* afterBegin(state, write) : before)
  })

const forAll = <A>(arb: fc.Arbitrary<A>, property: (value: A) => Effect.Effect<void, never, SyncStore>) =>
  Effect.gen(function*() {
    const context = yield* Effect.context<SyncStore>()
    yield* Effect.promise(() =>
      fc.assert(fc.asyncProperty(arb, (value) => Effect.runPromise(Effect.provide(property(value), context))), {
        numRuns: 200
      })
    )
  })

layer(storeLayer.pipe(Layer.provideMerge(database)))("SyncStore", (it) => {
  it.effect("beginNew journals a write exactly when the contact has no link, as begin would", () =>
    forAll(caseArb, ({ state, write }) =>
      Effect.gen(function*() {
        const store = yield* SyncStore
        const { before, jobId } = yield* prepared(state)
        const begun = yield* store.beginNew(jobId, "s", write)
        yield* check(begun, before === undefined, state, write, before, yield* store.link(jobId, "s"))
      })))

  it.effect("beginOver journals a write exactly over a settled link to the target with another hash, as begin would", () =>
    forAll(caseArb, ({ state, targetId, write }) =>
      Effect.gen(function*() {
        const store = yield* SyncStore
        const { before, jobId } = yield* prepared(state)
        const begun = yield* store.beginOver(jobId, "s", targetId, write)
        const expected = before !== undefined && before.targetId === targetId && before.pendingKey === null &&
          before.hash !== write.hash
        yield* check(begun, expected, state, write, before, yield* store.link(jobId, "s"))
      })))
})
