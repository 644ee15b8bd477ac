/**
 * The referee's skipping of Prism's debug-only exchange logging: with debug on, each wrapped helper logs exactly the
 * lines Prism's own helper logs, for any headers and body; with debug off it logs nothing and never reads the body
 * (where Prism's own helper serialises it); and the referee's Prism — the module its forwarder calls, resolved as
 * Prism's server resolves it — runs the wrapped helpers.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import fc from "fast-check"
import { createRequire } from "node:module"
import { debugOnlyHelpers, isDebugDropAware, type LogHelper, unlessDebugDropped } from "../src/PrismDebugLogs.ts"
import { prismInProcess, prismLoggerModule } from "../src/PrismInProcess.ts"

const fromCli = createRequire(createRequire(import.meta.url).resolve("@stoplight/prism-cli/package.json"))

/**
 * Prism's own helpers, as its package defines them: a fresh evaluation of the module (the cached one may already be
 * wrapped by a referee started in this worker), put back in the cache untouched.
 */
const prismOwn = (): Record<(typeof debugOnlyHelpers)[number], LogHelper> => {
  const path = fromCli.resolve(prismLoggerModule)
  const cached = fromCli.cache[path]
  delete fromCli.cache[path]
  try {
    return fromCli(path)
  } finally {
    if (cached !== undefined) fromCli.cache[path] = cached
  }
}

/** A logger recording what each level is called with, debug on or off as pino would say. */
const recording = (debug: boolean) => {
  const lines: Array<string> = []
  const record = (level: string) => (...args: ReadonlyArray<unknown>) => lines.push(`${level} ${args.join(" ")}`)
  const logger = {
    isLevelEnabled: (level: string) => level !== "debug" && level !== "trace" ? true : debug,
    trace: record("trace"),
    debug: record("debug"),
    info: record("info"),
    warn: record("warn"),
    error: record("error")
  }
  return { logger, lines }
}

const headersArb = fc.oneof(
  fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ maxLength: 20 }), { maxKeys: 4 }),
  fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ maxLength: 20 })), { maxLength: 4 })
)
const bodyArb = fc.oneof(fc.constant(undefined), fc.string({ maxLength: 40 }), fc.jsonValue({ maxDepth: 3 }))
const argsArb = fc.record({
  prefix: fc.constantFrom("", "> ", "< "),
  statusCode: fc.integer({ min: 100, max: 599 }),
  headers: fc.option(headersArb, { nil: undefined }),
  body: bodyArb
})

describe("Prism's debug-only exchange logging", () => {
  it("with debug on, each wrapped helper logs exactly what Prism's own helper logs", () => {
    const own = prismOwn()
    let logged = 0
    fc.assert(
      fc.property(argsArb, (args) => {
        for (const name of debugOnlyHelpers) {
          const mine = recording(true)
          const theirs = recording(true)
          unlessDebugDropped(own[name])({ ...args, logger: mine.logger })
          own[name]({ ...args, logger: theirs.logger })
          logged += theirs.lines.length
          assert.deepStrictEqual(mine.lines, theirs.lines, name)
        }
      }),
      { numRuns: 100 }
    )
    assert.isAbove(logged, 100, "Prism's own helpers logged (almost) nothing: the comparison proves little")
  })

  it("with debug off, a wrapped helper logs nothing and never reads the body; Prism's own one serialises it", () => {
    const own = prismOwn()
    for (const name of debugOnlyHelpers) {
      let reads = 0
      const body = { toJSON: () => (reads += 1, "body") }
      const quiet = recording(false)
      unlessDebugDropped(own[name])({ logger: quiet.logger, headers: { a: "b" }, body } as never)
      assert.deepStrictEqual(quiet.lines, [], name)
      assert.strictEqual(reads, 0, `${name} read the body of a line nobody logs`)
      own[name]({ logger: recording(false).logger, headers: { a: "b" }, body } as never)
      assert.strictEqual(reads, 1, `Prism's own ${name} no longer serialises the body: the wrapper may be pointless`)
    }
  })

  it.effect("a started referee's Prism calls the wrapped helpers", () =>
    Effect.gen(function*() {
      yield* prismInProcess({
        spec: new URL("fixtures/things.openapi.yaml", import.meta.url).pathname,
        upstream: "http://127.0.0.1:9"
      })
      // Prism's forwarder requires the module from Prism's server package: resolve it from there.
      const fromServer = createRequire(fromCli.resolve("@stoplight/prism-http-server"))
      const forwarders = createRequire(fromServer.resolve("@stoplight/prism-http"))(prismLoggerModule)
      for (const name of debugOnlyHelpers) assert.isTrue(isDebugDropAware(forwarders[name]), name)
      const own = prismOwn()
      for (const name of debugOnlyHelpers) assert.isFalse(isDebugDropAware(own[name]), `fresh ${name}`)
    }).pipe(Effect.scoped))
})
