/**
 * Prism as referee without its command line: the server `prism proxy --errors <spec> <upstream>` starts, built from
 * the same packages the installed `@stoplight/prism-cli` runs (resolved through it, so always its versions) with the
 * configuration its `proxy` command gives them, in this process. What the command line adds is start-up and log
 * printing: each `prism` process loads its whole module graph again (about 1 s of CPU, most of a referee's start)
 * and turns every log entry into pretty text on a pipe. Here the modules load once per process however many
 * referees run, the document is parsed once per referee, and only warnings and errors are logged (every line
 * `isViolation` matches is one: Prism 5 logs a violation as an error or a warning, never lower) straight into the
 * list of violations. `test/Prism.test.ts` runs both referees on the same exchanges and asserts they answer and
 * report alike.
 */
import { Effect, type Scope, SubscriptionRef } from "effect"
import { createRequire } from "node:module"
import { isViolation, type PrismProxy, violationsOf } from "./Prism.ts"
import { skipDroppedDebugLogs } from "./PrismDebugLogs.ts"

/** The parts of Prism's packages used here (their own types are not this package's dependencies). */
interface PrismServer {
  readonly listen: (port: number, host: string) => Promise<string>
  readonly close: () => Promise<void>
}
interface PrismPackages {
  readonly getHttpOperationsFromSpec: (document: string) => Promise<ReadonlyArray<unknown>>
  readonly createServer: (operations: ReadonlyArray<unknown>, options: unknown) => PrismServer
  readonly createLogger: (name: string, options: unknown, destination: { write: (entry: string) => void }) => {
    readonly child: (bindings: { readonly name: string }) => unknown
  }
}

let packages: PrismPackages | undefined

/** Where Prism keeps the helpers that log each exchange at debug level. */
export const prismLoggerModule = "@stoplight/prism-http/dist/utils/logger"

/** Prism's packages as the installed command line resolves them, loaded once per process. */
const prismPackages = (): PrismPackages => {
  if (packages !== undefined) return packages
  const fromCli = createRequire(createRequire(import.meta.url).resolve("@stoplight/prism-cli/package.json"))
  // The referee logs at `warn`: Prism's debug-only lines about each exchange need not be built (PrismDebugLogs.ts).
  skipDroppedDebugLogs(fromCli(prismLoggerModule))
  packages = {
    getHttpOperationsFromSpec: fromCli("@stoplight/prism-http").getHttpOperationsFromSpec,
    createServer: fromCli("@stoplight/prism-http-server").createServer,
    createLogger: fromCli("@stoplight/prism-core").createLogger
  }
  return packages
}

/** One log entry as Prism's logger writes it (the level as its name, as the command line formats it). */
interface LogEntry {
  readonly level: string
  readonly name?: string
  readonly msg?: string
  readonly input?: { readonly method?: string; readonly url?: { readonly path?: string } }
}

/** The command line's label for a level, where it differs from the level's name. */
const labels: Readonly<Record<string, string>> = { warn: "warning" }

/** A log entry as one line, as the command line prints it without its time stamp, indent and badge. */
export const logLine = (entry: LogEntry): string => {
  const route = entry.input === undefined ? "" : ` ${entry.input.method ?? ""} ${entry.input.url?.path ?? ""}`
  return `[${entry.name ?? ""}]${route} ${labels[entry.level] ?? entry.level} ${entry.msg ?? ""}`
}

/** What `prism proxy --errors` configures its server with (its defaults for every option not given). */
const proxyConfig = (upstream: string) => ({
  validateRequest: true,
  validateResponse: true,
  checkSecurity: true,
  errors: true,
  upstreamProxy: undefined,
  mock: { dynamic: undefined, ignoreExamples: undefined, seed: undefined },
  isProxy: true,
  upstream: new URL(upstream)
})

/** Starts Prism's proxy server in this process in front of `upstream` for the life of the scope. */
export const prismInProcess = (options: {
  readonly spec: string
  readonly upstream: string
}): Effect.Effect<PrismProxy, Error, Scope.Scope> =>
  Effect.gen(function*() {
    const prism = yield* Effect.try({ try: prismPackages, catch: (e) => new Error(`cannot load Prism: ${e}`) })
    const violations = yield* SubscriptionRef.make<ReadonlyArray<string>>([])
    const destination = {
      write: (entry: string) => {
        const line = logLine(JSON.parse(entry) as LogEntry)
        if (isViolation(line)) Effect.runSync(SubscriptionRef.update(violations, (all) => [...all, line]))
      }
    }
    const logger = prism.createLogger("CLI", {
      customLevels: { start: 31 },
      level: "warn",
      formatters: { level: (level: string) => ({ level }) }
    }, destination)
    const operations = yield* Effect.tryPromise({
      try: () => prism.getHttpOperationsFromSpec(options.spec),
      catch: (e) => new Error(`prism could not read ${options.spec}: ${e}`)
    })
    const server = prism.createServer(operations, {
      cors: true,
      config: proxyConfig(options.upstream),
      components: { logger: logger.child({ name: "HTTP SERVER" }) }
    })
    const url = yield* Effect.acquireRelease(
      Effect.tryPromise({
        try: () => server.listen(0, "127.0.0.1"),
        catch: (e) => new Error(`prism could not listen: ${e}`)
      }),
      () => Effect.promise(() => server.close())
    )
    return { url, ...violationsOf(violations) }
  })
