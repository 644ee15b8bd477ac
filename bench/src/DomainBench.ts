/**
 * Benchmark — the domain's hot paths, per contact, over a fixed generated set (`SampleContacts.ts`):
 * `validate` and `project` against every registered vendor's Capabilities (what every adapter write runs), and the JSContact
 * codec both ways. Each is reported in ops/s and as a cost relative to `JSON.parse(JSON.stringify(contact))` over
 * the same contacts — a baseline every machine has, so the ratios travel where the raw numbers do not.
 */
import { type Capabilities, type Contact, fromCard, project, toCard, validate } from "@contactkit/domain"
import { Effect, Exit } from "effect"
import { perSecond, type RunOptions, timeSyncPasses } from "./Measure.ts"
import { formatRate, formatRatio, table } from "./Report.ts"
import { sampleContacts } from "./SampleContacts.ts"

export interface DomainCase {
  readonly name: string
  readonly perSecond: number
  readonly microsPerOp: number
  /** Time per contact over the baseline's time per contact: how many JSON clones one operation costs. */
  readonly costVsBaseline: number
}

export interface DomainResult {
  readonly contacts: number
  /** How many of the set each vendor's `validate` accepts (the rest are rejected, also a measured path). */
  readonly accepted: Readonly<Record<string, number>>
  readonly cases: ReadonlyArray<DomainCase>
}

const validateAndProject = (capabilities: Capabilities) => (contact: Contact) => {
  const verdict = Effect.runSyncExit(validate(capabilities, contact))
  return [verdict, project(capabilities, contact)] as const
}

/** One named case: a body run over every item of a set, timed per pass. */
const measure = <A>(name: string, items: ReadonlyArray<A>, body: (item: A) => unknown) => ({
  name,
  passes: (options: RunOptions) => timeSyncPasses(items, body, options)
})

const accepted = (contacts: ReadonlyArray<Contact>, capabilities: Capabilities) =>
  contacts.filter((contact) => Exit.isSuccess(Effect.runSyncExit(validate(capabilities, contact)))).length

export const benchDomain = (count: number, vendors: ReadonlyArray<Capabilities>, options: RunOptions) =>
  Effect.gen(function*() {
    const contacts = sampleContacts(count)
    const cards = contacts.map(toCard)
    const cases = [
      measure("JSON.parse(JSON.stringify(c)) (baseline)", contacts, (c) => JSON.parse(JSON.stringify(c))),
      ...vendors.map((capabilities) =>
        measure(`project (${capabilities.vendor})`, contacts, (c) => project(capabilities, c))
      ),
      ...vendors.map((capabilities) =>
        measure(`validate + project (${capabilities.vendor})`, contacts, validateAndProject(capabilities))
      ),
      measure("toCard", contacts, toCard),
      measure("fromCard", cards, (card) => Effect.runSyncExit(fromCard(card))),
      measure("toCard + fromCard (round trip)", contacts, (c) => Effect.runSyncExit(fromCard(toCard(c))))
    ]
    const measured: Array<{ readonly name: string; readonly ms: number }> = []
    for (const { name, passes } of cases) {
      const timing = yield* passes(options)
      measured.push({ name, ms: timing.medianMs })
    }
    const baselineMs = measured[0]?.ms ?? Number.NaN
    const result: DomainResult = {
      contacts: count,
      accepted: Object.fromEntries(
        vendors.map((capabilities) => [capabilities.vendor, accepted(contacts, capabilities)])
      ),
      cases: measured.map(({ ms, name }) => ({
        name,
        perSecond: perSecond(count, ms),
        microsPerOp: (ms * 1000) / count,
        costVsBaseline: ms / baselineMs
      }))
    }
    return result
  })

export const renderDomain = (result: DomainResult): string =>
  [
    `  ${result.contacts.toLocaleString("en-US")} generated contacts; validate accepts ${
      Object.entries(result.accepted).map(([vendor, n]) => `${n} (${vendor})`).join(", ")
    }, rejects the rest`,
    table(
      ["per contact", "ops/s", "µs/op", "cost vs JSON clone"],
      result.cases.map((
        c
      ) => [c.name, formatRate(c.perSecond), c.microsPerOp.toFixed(1), formatRatio(c.costVsBaseline)])
    )
  ].join("\n")
