/**
 * The suite's own honesty check: each scenario, run against a directory broken in exactly the
 * way that scenario exists to catch, must fail. The broken directories wrap the domain's memory
 * implementation (which passes every scenario, see conformance.test.ts) and change one thing.
 */
import {
  type Capabilities,
  ContactDirectory,
  type ContactField,
  InvalidContact,
  lossless,
  makeMemory,
  Unsupported
} from "@contactkit/domain"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit, Layer, Stream } from "effect"
import { HarnessControl } from "../src/Harness.ts"
import { checks } from "../src/ScenarioChecks.ts"
import { type ScenarioName, scenarioNames } from "../src/Scenarios.ts"

type Service = ContactDirectory["Service"]
type Sabotage = (base: Service) => Partial<Omit<Service, "fields">> & { readonly fields?: Partial<Service["fields"]> }

const oneEmail: Capabilities = {
  ...lossless,
  vendor: "one-email",
  fields: { ...lossless.fields, Email: { ...lossless.fields.Email, maxCount: 1 } }
}

/** Runs one scenario against memory with `sabotage` applied and `control` behind it; returns whether it passed. */
const passes = (
  name: ScenarioName,
  sabotage: Sabotage,
  control: HarnessControl["Service"] = {},
  capabilities: Capabilities = lossless
) =>
  Effect.gen(function*() {
    const base = yield* makeMemory(capabilities)
    const { fields, ...rest } = sabotage(base)
    const broken = ContactDirectory.of({ ...base, ...rest, fields: { ...base.fields, ...fields } })
    let n = 0
    const exit = yield* Effect.exit(
      checks[name](() => ++n).pipe(
        Effect.scoped,
        Effect.provide(Layer.merge(Layer.succeed(ContactDirectory, broken), Layer.succeed(HarnessControl, control)))
      )
    )
    return Exit.isSuccess(exit)
  })

const withoutLabel = (field: ContactField): ContactField => {
  const { label: _, ...rest } = field
  return rest as ContactField
}

const sabotages: ReadonlyArray<{
  readonly name: ScenarioName
  readonly how: string
  readonly sabotage: Sabotage
  readonly control?: HarnessControl["Service"]
  readonly capabilities?: Capabilities
}> = [
  {
    name: "round-trip",
    how: "get silently drops labels the capabilities say are kept",
    sabotage: (base) => ({
      get: (id) => Effect.map(base.get(id), (c) => ({ ...c, fields: c.fields.map(withoutLabel) })),
      create: (draft) =>
        base.create({ ...draft, fields: draft.fields.map((f) => ({ ...f, label: "Work" }) as ContactField) })
    })
  },
  {
    name: "round-trip-generated",
    how: "get silently drops labels",
    sabotage: (base) => ({
      get: (id) => Effect.map(base.get(id), (c) => ({ ...c, fields: c.fields.map(withoutLabel) }))
    })
  },
  {
    name: "patch-generated",
    how: "an update answers success but changes nothing",
    sabotage: (base) => ({ update: (id) => base.get(id) })
  },
  {
    name: "list-pages",
    how: "the listing repeats its first contact",
    sabotage: (base) => ({ list: (options) => Stream.concat(Stream.take(base.list(options), 1), base.list(options)) })
  },
  {
    name: "patch-preserves",
    how: "an update also clears the organisation",
    sabotage: (base) => ({
      update: (id, patch) =>
        base.update(id, { ...patch, organization: { name: null, department: null, title: null, role: null } })
    })
  },
  {
    name: "field-ops",
    how: "fields.remove does nothing",
    sabotage: () => ({ fields: { remove: () => Effect.void } })
  },
  {
    name: "remove",
    how: "remove does nothing",
    sabotage: () => ({ remove: () => Effect.void })
  },
  {
    name: "invalid-input",
    how: "an invalid field is silently dropped instead of refused",
    sabotage: (base) => ({
      create: (draft) =>
        base.create(draft).pipe(
          Effect.catchIf(
            (e) => e.reason instanceof InvalidContact,
            () => base.create({ ...draft, fields: [] })
          )
        )
    })
  },
  {
    name: "unsupported-input",
    how: "fields over the vendor's maximum are silently dropped instead of refused",
    capabilities: oneEmail,
    sabotage: (base) => ({
      create: (draft) =>
        base.create(draft).pipe(
          Effect.catchIf(
            (e) => e.reason instanceof Unsupported,
            () => base.create({ ...draft, fields: draft.fields.filter((f) => f._tag !== "Email").slice(0, 1) })
          )
        )
    })
  },
  {
    name: "unauthorized",
    how: "a bad credential is accepted",
    sabotage: () => ({}),
    control: { withBadCredentials: makeMemory(lossless) }
  },
  {
    name: "rate-limited",
    how: "a persistent 429 never surfaces as RateLimited",
    sabotage: () => ({}),
    control: { injectFault: () => Effect.void, clearFaults: Effect.void }
  },
  {
    name: "unavailable",
    how: "a failed create is reported as a success",
    sabotage: () => ({}),
    control: { injectFault: () => Effect.void, clearFaults: Effect.void }
  },
  {
    name: "concurrent-creates",
    how: "concurrent creates all land on one contact",
    sabotage: (base) => {
      let first: ReturnType<Service["create"]> | undefined
      return { create: (draft) => (first ??= Effect.cached(base.create(draft)).pipe(Effect.flatten)) }
    }
  },
  {
    name: "unicode-max-length",
    how: "long names come back truncated",
    sabotage: (base) => ({
      get: (id) =>
        Effect.map(base.get(id), (c) => ({
          ...c,
          name: c.name.given === undefined ? c.name : { ...c.name, given: c.name.given.slice(0, 100) }
        }))
    })
  },
  {
    name: "contract",
    how: "Prism saw a violation",
    sabotage: () => ({}),
    control: { violations: Effect.succeed(["POST /contacts: response body must have required property 'id'"]) }
  }
]

describe("every scenario can fail", () => {
  it("each scenario has a directory broken for it here", () => {
    assert.sameMembers(sabotages.map((s) => s.name), [...scenarioNames])
  })

  for (const { capabilities, control, how, name, sabotage } of sabotages) {
    it.effect(`${name} fails when ${how}`, () =>
      Effect.gen(function*() {
        assert.isFalse(yield* passes(name, sabotage, control, capabilities))
      }))
  }

  it.effect("while the same scenarios pass against the unbroken directory", () =>
    Effect.gen(function*() {
      for (const name of ["round-trip", "list-pages", "patch-preserves", "field-ops", "remove"] as const) {
        assert.isTrue(yield* passes(name, () => ({})), name)
      }
    }))
})
