/**
 * The suite's own honesty check. Positive control: a fake vendor (the memory directory behind a pretend transport)
 * passes every scenario its capabilities do not rule out, for every kind of vendor the saboteurs break. Saboteurs:
 * the same fake broken in exactly one way must fail at the one assertion that exists to catch that break — named
 * by its message — not somewhere else, and not by crashing. (Live clock: one scenario waits out a vendor's delay.)
 */
import { type Capabilities, lossless } from "@contactkit/domain"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Stream } from "effect"
import { type ScenarioName, scenarioNames } from "../src/Scenarios.ts"
import { capabilitySkips } from "../src/ScenarioSkips.ts"
import { contentSaboteurs } from "./ContentSaboteurs.ts"
import { dedupes, noDelete, strict } from "./FakeConfigs.ts"
import { lifecycleSaboteurs } from "./LifecycleSaboteurs.ts"
import { refusalSaboteurs } from "./RefusalSaboteurs.ts"
import { runScenario, type Saboteur } from "./SaboteurRun.ts"
import { transportSaboteurs } from "./TransportSaboteurs.ts"

const saboteurs: ReadonlyArray<Saboteur> = [
  ...contentSaboteurs,
  ...lifecycleSaboteurs,
  ...refusalSaboteurs,
  ...transportSaboteurs
]

/** Each fake vendor, with the scenarios its capabilities rule out (and nothing else skipped). */
const controls: ReadonlyArray<{ readonly capabilities: Capabilities; readonly skipped: ReadonlyArray<ScenarioName> }> =
  [
    { capabilities: lossless, skipped: ["dedupe", "unsupported-input"] },
    { capabilities: strict, skipped: ["dedupe"] },
    { capabilities: dedupes, skipped: ["unsupported-input"] },
    { capabilities: noDelete, skipped: ["dedupe", "unsupported-input"] }
  ]

describe("positive control: the unbroken fake vendor passes every scenario", () => {
  for (const { capabilities, skipped } of controls) {
    it(`${capabilities.vendor}: the capabilities rule out only ${skipped.join(", ")}, each with a reason`, () => {
      const skips = capabilitySkips(capabilities)
      assert.sameMembers(Object.keys(skips), [...skipped])
      for (const reason of Object.values(skips)) assert.include(reason, capabilities.vendor)
    })
    for (const scenario of scenarioNames.filter((name) => !skipped.includes(name))) {
      it.live(`${capabilities.vendor}: ${scenario} passes`, () =>
        Effect.gen(function*() {
          assert.deepStrictEqual(yield* runScenario(scenario, { capabilities }), { _tag: "Passed" })
        }))
    }
  }

  it("every fake vendor a saboteur breaks is one of the positive controls", () => {
    const vendors = controls.map((c) => c.capabilities)
    for (const s of saboteurs) assert.include(vendors, s.capabilities ?? lossless, `${s.scenario}: ${s.how}`)
  })
})

describe("saboteurs: each breaks one thing and the check for it fires", () => {
  it("every scenario has a saboteur, and no two saboteurs of a scenario aim at the same check", () => {
    assert.sameMembers([...new Set(saboteurs.map((s) => s.scenario))], [...scenarioNames])
    for (const scenario of scenarioNames) {
      const aims = saboteurs.filter((s) => s.scenario === scenario).map((s) => s.fires)
      assert.strictEqual(new Set(aims).size, aims.length, scenario)
    }
  })

  for (const saboteur of saboteurs) {
    it.live(`${saboteur.scenario}: ${saboteur.how} → "${saboteur.fires}"`, () =>
      Effect.gen(function*() {
        const result = yield* runScenario(saboteur.scenario, saboteur)
        assert.strictEqual(result._tag, "CheckFailed", JSON.stringify(result))
        assert.include(result._tag === "CheckFailed" ? result.message : "", saboteur.fires)
      }))
  }
})

describe("the verdict counts only assertions", () => {
  it.live("a defect is not a check firing", () =>
    Effect.gen(function*() {
      const result = yield* runScenario("round-trip", {
        sabotage: () => ({ directory: { get: () => Effect.die(new TypeError("cannot read properties of undefined")) } })
      })
      assert.strictEqual(result._tag, "OtherFailure")
    }))

  it.live("nor is a ContactError escaping the scenario", () =>
    Effect.gen(function*() {
      const result = yield* runScenario("list-pages", {
        sabotage: (base) => ({
          directory: {
            list: () => Stream.unwrap(Effect.flatMap(base.remove("nope" as never), () => Effect.succeed(Stream.empty)))
          }
        })
      })
      assert.strictEqual(result._tag, "OtherFailure")
    }))
})
