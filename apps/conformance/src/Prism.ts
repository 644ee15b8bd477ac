/**
 * Prism as referee: `prism proxy --errors <spec> <upstream>` between an adapter and a mock.
 * A request the vendor's contract forbids, or a response it never sends, is answered by Prism
 * with a problem+json error instead of being passed on; undeclared statuses pass with a warning.
 * Every violation Prism reports is collected, so a run can assert there were none.
 */
import { Effect, Option, type Scope, Stream, SubscriptionRef } from "effect"
import { type ChildProcess, spawn } from "node:child_process"
import { createRequire } from "node:module"
import { createServer } from "node:net"
import { dirname, join } from "node:path"
import { lineSplitter } from "./LineSplitter.ts"

export interface PrismProxy {
  /** Where to send requests: `http://127.0.0.1:<port>`. */
  readonly url: string
  /** Every violation Prism has logged so far, one line each. */
  readonly violations: Effect.Effect<ReadonlyArray<string>>
  /**
   * Waits until Prism has logged at least `count` violations, and gives them all. Prism logs after it has
   * answered, so a caller that has just seen Prism's error response waits here for the line that reports it.
   */
  readonly atLeast: (count: number) => Effect.Effect<ReadonlyArray<string>>
}

const prismBin = (): string => {
  const require = createRequire(import.meta.url)
  return join(dirname(require.resolve("@stoplight/prism-cli/package.json")), "dist", "index.js")
}

const freePort = Effect.callback<number>((resume) => {
  const server = createServer()
  server.listen(0, "127.0.0.1", () => {
    const address = server.address()
    const port = typeof address === "object" && address !== null ? address.port : 0
    server.close(() => resume(Effect.succeed(port)))
  })
})

/**
 * Lines in Prism's log that mean the contract was broken, in either direction. With `--errors`, a request or
 * response that breaks the document ends in `Request terminated with error: …#VIOLATIONS` or `…#UNPROCESSABLE_ENTITY`
 * (and a route or method the document lacks in `…#NO_PATH_MATCHED_ERROR` / `…#NO_METHOD_MATCHED_ERROR`); an
 * undeclared status is logged as a `Violation:` warning and passed on.
 */
export const isViolation = (line: string): boolean =>
  line.includes("Violation:") || line.includes("Request terminated with error")

/** Starts Prism in front of `upstream` for the life of the scope. */
export const prismProxy = (options: {
  readonly spec: string
  readonly upstream: string
}): Effect.Effect<PrismProxy, Error, Scope.Scope> =>
  Effect.gen(function*() {
    const port = yield* freePort
    const violations = yield* SubscriptionRef.make<ReadonlyArray<string>>([])
    const child = yield* Effect.acquireRelease(
      Effect.sync(() =>
        spawn(
          process.execPath,
          [prismBin(), "proxy", "--errors", options.spec, options.upstream, "-h", "127.0.0.1", "-p", String(port)],
          { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } }
        )
      ),
      (child) => Effect.sync(() => child.kill("SIGTERM"))
    )
    yield* waitUntilListening(child, (line) => {
      if (isViolation(line)) Effect.runSync(SubscriptionRef.update(violations, (all) => [...all, line.trim()]))
    })
    return { url: `http://127.0.0.1:${port}`, ...violationsOf(violations) }
  })

/** A referee's `violations` and `atLeast`, read from the list its log reader keeps. */
export const violationsOf = (
  violations: SubscriptionRef.SubscriptionRef<ReadonlyArray<string>>
): Pick<PrismProxy, "violations" | "atLeast"> => ({
  violations: SubscriptionRef.get(violations),
  atLeast: (count) =>
    SubscriptionRef.changes(violations).pipe(
      Stream.filter((all) => all.length >= count),
      Stream.runHead,
      Effect.map(Option.getOrElse((): ReadonlyArray<string> => []))
    )
})

const waitUntilListening = (child: ChildProcess, onLine: (line: string) => void) =>
  Effect.callback<void, Error>((resume) => {
    let started = false
    let output = ""
    const watch = (line: string) => {
      onLine(line)
      if (started) return
      output += `${line}\n`
      if (line.includes("Prism is listening")) {
        started = true
        resume(Effect.void)
      }
    }
    // One splitter per stream, so a line cut across two chunks is read whole and the two streams never mix.
    for (const stream of [child.stdout, child.stderr]) {
      if (stream === null) continue
      const lines = lineSplitter(watch)
      stream.setEncoding("utf8")
      stream.on("data", lines.push)
      stream.on("end", lines.end)
    }
    child.once("exit", (code) => {
      if (!started) resume(Effect.fail(new Error(`prism exited with ${code} before listening:\n${output}`)))
    })
  }).pipe(
    Effect.timeoutOrElse({
      duration: "30 seconds",
      orElse: () => Effect.fail(new Error("prism did not start within 30 seconds"))
    })
  )
