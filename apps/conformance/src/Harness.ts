/**
 * A harness is how one `ContactDirectory` implementation takes part in the conformance suite:
 * a name, a layer providing the directory (and, where it has a transport, the `HarnessControl`
 * that reaches behind it), and the scenarios it skips — each with the reason.
 */
import type { Capabilities, ContactDirectory, ContactId } from "@contactkit/domain"
import { Context, type Duration, type Effect, Layer, type Scope } from "effect"
import type { ScenarioName } from "./Scenarios.ts"

export interface Harness {
  readonly name: string
  /** What the implementation under test declares it can hold (the report's field × vendor matrix). */
  readonly capabilities: Capabilities
  readonly layer: Layer.Layer<ContactDirectory | HarnessControl, unknown>
  /** Scenarios this harness cannot run, each with the reason it cannot. */
  readonly skip?: Partial<Record<ScenarioName, string>>
}

/** A fault the vendor mock should answer the next matching requests with. */
export interface Fault {
  readonly kind: "rateLimit" | "status" | "latency"
  readonly status?: 500 | 503
  readonly count: number
  readonly method?: "GET" | "POST" | "PUT" | "DELETE"
  /** For `latency`: how long the vendor takes before it answers. */
  readonly latencyMs?: number
  /** For `latency`: the vendor finishes the request even when the client has stopped waiting for it. */
  readonly completeWrite?: boolean
  /** For `rateLimit`: the wait the vendor announces, in seconds (the mock's default is 1). */
  readonly retryAfterSeconds?: number
}

/**
 * What a harness can do behind the port. Every member is optional: a scenario that needs a
 * missing one is skipped with the reason given in `Harness.skip`, or fails if none is given.
 */
export class HarnessControl extends Context.Service<HarnessControl, {
  /** Make the vendor answer the next requests with a fault. */
  readonly injectFault?: (fault: Fault) => Effect.Effect<void>
  readonly clearFaults?: Effect.Effect<void>
  /** The same directory, built with credentials the vendor does not accept. */
  readonly withBadCredentials?: Effect.Effect<ContactDirectory["Service"], unknown, Scope.Scope>
  /** The same directory (same account), giving up on any request that takes longer than `timeout`. */
  readonly withTimeout?: (timeout: Duration.Input) => Effect.Effect<ContactDirectory["Service"], unknown, Scope.Scope>
  /**
   * Vendor data the domain does not model: set some on a contact, then check it is still there. `attach` fails
   * when the vendor did not take the data, so a failed attach can never read as data that survived.
   */
  readonly unmodelled?: {
    readonly attach: (id: ContactId) => Effect.Effect<void, unknown>
    readonly isIntact: (id: ContactId) => Effect.Effect<boolean, unknown>
  }
  /** Contract violations Prism has seen so far. */
  readonly violations?: Effect.Effect<ReadonlyArray<string>>
  /** How many requests the directory under test has sent so far (every attempt counts), to show one sent none. */
  readonly requestsSent?: Effect.Effect<number>
}>()("@contactkit/conformance/HarnessControl") {
  /** For an implementation with nothing behind the port to reach: every scenario that needs control is skipped. */
  static readonly none: Layer.Layer<HarnessControl> = Layer.succeed(HarnessControl, HarnessControl.of({}))
}
