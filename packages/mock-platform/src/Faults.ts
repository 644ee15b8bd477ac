/**
 * Fault injection: rules set through `/__admin/faults` that make the next matching requests slow, failing,
 * rate-limited, malformed, truncated or dropped, so clients can exercise their retry and error paths against a
 * vendor-shaped server (Prism cannot do this).
 *
 * When a rule fires: `latency` delays then answers normally — if the client gives up during the delay, the request
 * is not processed, unless the rule says `completeWrite: true`: then the request is processed after the delay even
 * when the client has gone, as a real server finishes work its client stopped waiting for (the write is stored, the
 * answer is lost); `status` and `rateLimit` answer instead of the
 * handler (nothing is processed); `malformed` and `truncated` run the handler (its effects happen) and corrupt the
 * answer; `drop` closes the connection without running the handler.
 */
import { Effect, Random, Ref, Schema } from "effect"

export const FaultSpec = Schema.Struct({
  kind: Schema.Literals(["latency", "status", "rateLimit", "malformed", "truncated", "drop"]),
  /** Fire for the next N matching requests, then disappear. */
  count: Schema.optionalKey(Schema.Int.check(Schema.isGreaterThanOrEqualTo(1))),
  /** Fire for each matching request with this probability, until deleted. */
  probability: Schema.optionalKey(Schema.Number.check(Schema.isBetween({ minimum: 0, maximum: 1 }))),
  method: Schema.optionalKey(Schema.String),
  /** A route pattern with `:param` or `{param}` segments, or else a path prefix. */
  path: Schema.optionalKey(Schema.String),
  status: Schema.optionalKey(Schema.Literals([500, 503])),
  latencyMs: Schema.optionalKey(Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 60_000 }))),
  /** For `latency`: process the request after the delay even if the client has disconnected meanwhile. */
  completeWrite: Schema.optionalKey(Schema.Boolean),
  /** For `rateLimit`: the Retry-After the vendor announces (default 1 second). */
  retryAfterSeconds: Schema.optionalKey(Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 3600 })))
})
export type FaultSpec = typeof FaultSpec.Type

export interface Fault extends FaultSpec {
  readonly id: number
}

export const decodeFaultSpec = Schema.decodeUnknownEffect(FaultSpec)

const patternToRegExp = (pattern: string): RegExp => {
  const source = pattern
    .split("/")
    .map((segment) => /^(:\w+|\{\w+\})$/u.test(segment) ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&"))
    .join("/")
  return new RegExp(`^${source}/?$`, "u")
}

/** Whether a rule's method and path select this request (`path` is the URL path without the query). */
export const matches = (fault: FaultSpec, method: string, path: string): boolean => {
  if (fault.method !== undefined && fault.method.toUpperCase() !== method.toUpperCase()) return false
  if (fault.path === undefined) return true
  return /[:{]/u.test(fault.path) ? patternToRegExp(fault.path).test(path) : path.startsWith(fault.path)
}

export interface FaultStore {
  readonly list: Effect.Effect<ReadonlyArray<Fault>>
  readonly add: (spec: FaultSpec) => Effect.Effect<Fault>
  readonly clear: Effect.Effect<void>
  /** The first rule that fires for this request, consuming one of its `count`. */
  readonly take: (method: string, path: string) => Effect.Effect<Fault | undefined>
  /** Whether any rule is set now (when none is, `take` finds nothing): a synchronous look for the request path. */
  readonly hasRules: () => boolean
}

export const makeFaultStore: Effect.Effect<FaultStore> = Effect.gen(function*() {
  const rules = yield* Ref.make<ReadonlyArray<Fault>>([])
  const nextId = yield* Ref.make(1)
  const take = (method: string, path: string) =>
    Effect.flatMap(Ref.get(rules), (all) => all.length === 0 ? noFault : takeFrom(all, method, path))
  // Almost every request meets no rule at all: that answer is one shared effect.
  const noFault = Effect.succeed(undefined)
  const takeFrom = (all: ReadonlyArray<Fault>, method: string, path: string) =>
    Effect.gen(function*() {
      const candidates = all.filter((fault) => matches(fault, method, path))
      for (const fault of candidates) {
        // Without count or probability a rule fires once, the least surprising default.
        const fires = fault.probability === undefined || (yield* Random.next) < fault.probability
        if (!fires) continue
        if (fault.probability === undefined) {
          yield* Ref.update(rules, (all) =>
            all.flatMap((rule) => {
              if (rule.id !== fault.id) return [rule]
              const remaining = (rule.count ?? 1) - 1
              return remaining > 0 ? [{ ...rule, count: remaining }] : []
            }))
        }
        return fault
      }
      return undefined
    })
  return {
    list: Ref.get(rules),
    add: (spec) =>
      Effect.gen(function*() {
        const id = yield* Ref.getAndUpdate(nextId, (n) => n + 1)
        const fault: Fault = { ...spec, id }
        yield* Ref.update(rules, (all) => [...all, fault])
        return fault
      }),
    clear: Ref.set(rules, []),
    take,
    hasRules: () => Ref.getUnsafe(rules).length > 0
  }
})
