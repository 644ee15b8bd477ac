/**
 * How a saboteur is run and judged: one scenario against a fake vendor with one thing broken, and a verdict that
 * says which check fired. Only an assertion failure counts as a check firing — a defect (a thrown TypeError) or a
 * `ContactError` escaping the scenario is reported as something else, so a saboteur cannot pass by crashing.
 */
import {
  type Capabilities,
  ContactDirectory,
  ContactError,
  type ContactErrorReason,
  lossless
} from "@contactkit/domain"
import { Cause, Effect, Exit, Layer } from "effect"
import { HarnessControl } from "../src/Harness.ts"
import { type Check, checks } from "../src/ScenarioChecks.ts"
import type { ScenarioName } from "../src/Scenarios.ts"
import { timedOutWrite } from "../src/TimedOutWriteCheck.ts"
import { type FakeOptions, type FakeVendor, makeFakeVendor } from "./FakeVendor.ts"

type Service = ContactDirectory["Service"]

/** The same error with another reason. */
export const withReason = (error: ContactError, reason: ContactErrorReason): ContactError =>
  new ContactError({ vendor: error.vendor, operation: error.operation, reason })

/** Whether an error has this reason. */
export const is = (tag: ContactErrorReason["_tag"]) => (error: ContactError): boolean => error.reason._tag === tag

export type Sabotage = (base: Service, fake: FakeVendor) => {
  readonly directory?: Partial<Omit<Service, "fields">> & { readonly fields?: Partial<Service["fields"]> }
  readonly control?: Partial<HarnessControl["Service"]>
}

export interface Saboteur {
  readonly scenario: ScenarioName
  /** What is broken, in a few words (the test title). */
  readonly how: string
  /** A part of the message of the one assertion this saboteur exists to make fail. */
  readonly fires: string
  readonly sabotage: Sabotage
  /** The vendor broken (default `lossless`); its unbroken run is the positive control. */
  readonly capabilities?: Capabilities
  readonly fake?: FakeOptions
  /** The scenario's body, when the saboteur breaks what judges it rather than the directory. */
  readonly body?: Check
}

export type Verdict =
  | { readonly _tag: "Passed" }
  | { readonly _tag: "CheckFailed"; readonly message: string }
  | { readonly _tag: "OtherFailure"; readonly cause: string }

const isAssertion = (defect: unknown): defect is Error => defect instanceof Error && defect.name === "AssertionError"

export const verdict = (exit: Exit.Exit<unknown, unknown>): Verdict => {
  if (Exit.isSuccess(exit)) return { _tag: "Passed" }
  const reasons = exit.cause.reasons
  const assertions = reasons.flatMap((reason) =>
    Cause.isDieReason(reason) && isAssertion(reason.defect) ? [reason.defect] : []
  )
  if (assertions.length === 0 || assertions.length !== reasons.length) {
    return { _tag: "OtherFailure", cause: Cause.pretty(exit.cause) }
  }
  return { _tag: "CheckFailed", message: assertions[0]!.message }
}

/**
 * The fake vendor answers at once, so a client's timeout and the vendor's delay can be milliseconds: the scenario
 * still waits them out in real time (these tests run with the live clock), just not for a second.
 */
const fakeBodies: Partial<Record<ScenarioName, Check>> = {
  "timed-out-write": timedOutWrite({
    timeout: "10 millis",
    latency: "30 millis",
    margin: "0 millis",
    settle: "100 millis"
  })
}

/** Runs `scenario` (or `body`) against the fake vendor with `sabotage` applied, and judges the result. */
export const runScenario = (
  scenario: ScenarioName,
  options: {
    readonly sabotage?: Sabotage
    readonly capabilities?: Capabilities
    readonly fake?: FakeOptions
    readonly body?: Check
  } = {}
): Effect.Effect<Verdict> =>
  Effect.gen(function*() {
    const fake = yield* makeFakeVendor(options.capabilities ?? lossless, options.fake)
    const { control = {}, directory = {} } = options.sabotage?.(fake.directory, fake) ?? {}
    const { fields, ...rest } = directory
    const broken = ContactDirectory.of({
      ...fake.directory,
      ...rest,
      fields: { ...fake.directory.fields, ...fields }
    })
    let n = 0
    const body = options.body ?? fakeBodies[scenario] ?? checks[scenario]
    const exit = yield* Effect.exit(
      body(() => ++n).pipe(
        Effect.scoped,
        Effect.provide(
          Layer.merge(
            Layer.succeed(ContactDirectory, broken),
            Layer.succeed(HarnessControl, HarnessControl.of({ ...fake.control, ...control }))
          )
        )
      )
    )
    return verdict(exit)
  })
