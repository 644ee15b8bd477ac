/**
 * Prism's request and response logging, skipped when the logger drops it. Prism's forwarder calls `logRequest` and
 * `logResponse` (its `utils/logger` module) for every exchange; they log only at debug level, but build their lines
 * first: `logBody` serialises the body, and for a forwarded answer that body is node-fetch's stream, so each answer's
 * buffered bytes go through `Buffer.toJSON` (an array of numbers) and `JSON.stringify` — about a sixth of the
 * referee's CPU, for lines a referee logging at `warn` throws away. Each helper is wrapped to return at once when the
 * logger it is given says debug is off, and to do exactly what it did otherwise; nothing else of Prism changes.
 */

/** The one thing the wrapper asks of Prism's logger (pino's `isLevelEnabled`). */
export interface LevelledLogger {
  readonly isLevelEnabled?: (level: string) => boolean
}

export type LogHelper = (args: { readonly logger: LevelledLogger }) => void

/** The helpers in Prism's `utils/logger` module that log at debug level only. */
export const debugOnlyHelpers = ["logRequest", "logResponse"] as const

const wrapped = new WeakSet<LogHelper>()

/** `helper`, returning at once for a logger that drops debug lines. */
export const unlessDebugDropped = (helper: LogHelper): LogHelper => {
  if (wrapped.has(helper)) return helper
  const quiet: LogHelper = (args) => {
    if (args.logger.isLevelEnabled?.("debug") === false) return
    helper(args)
  }
  wrapped.add(quiet)
  return quiet
}

/** Whether `helper` is one `unlessDebugDropped` made. */
export const isDebugDropAware = (helper: unknown): boolean =>
  typeof helper === "function" && wrapped.has(helper as LogHelper)

/**
 * Wraps the debug-only helpers of Prism's loaded `utils/logger` module in place (once however often it is called).
 * Prism's modules call them through that module's exports object, so the wrapped ones are what they call.
 */
export const skipDroppedDebugLogs = (loggerModule: Record<string, unknown>): void => {
  for (const name of debugOnlyHelpers) {
    const helper = loggerModule[name]
    if (typeof helper !== "function") throw new Error(`Prism's logger module has no ${name}: another Prism version?`)
    loggerModule[name] = unlessDebugDropped(helper as LogHelper)
  }
}
