/**
 * The words of reports and progress: a loss names the field kind rather than its position, one contact counts once
 * per kind of loss, a refusal is kept apart from losses, and progress says the rate and — with a total — the time left.
 */
import { type Capabilities, type ContactDraft, lossless, unsupportedField } from "@contactkit/domain"
import { assert, describe, it } from "@effect/vitest"
import { makeLossTally, partOf, renderLossReport } from "../src/LossReport.ts"
import { describeProgress } from "../src/Progress.ts"
import { planWrite } from "../src/WritePlan.ts"

const noLinks: Capabilities = {
  ...lossless,
  vendor: "acme",
  requiredName: ["family"],
  fields: { ...lossless.fields, Link: unsupportedField() }
}

const draft = (family: string | undefined, links: number): ContactDraft => ({
  kind: "individual",
  name: family === undefined ? { given: "Ada" } : { given: "Ada", family },
  organization: {},
  fields: [
    { _tag: "Email", address: "ada@example.com" },
    ...Array.from({ length: links }, (_, i) => ({ _tag: "Link" as const, uri: `https://example.com/${i}` }))
  ]
})

describe("loss report", () => {
  it("names a field by its kind", () => {
    assert.strictEqual(partOf(draft("L", 2), ["fields", 2, "uri"]), "Link uri")
    assert.strictEqual(partOf(draft("L", 0), ["name", "nickname"]), "name nickname")
  })

  it("counts a contact once per kind of loss, and keeps refusals apart", () => {
    const tally = makeLossTally()
    tally.add(planWrite(noLinks, "1", draft("Lovelace", 2)))
    tally.add(planWrite(noLinks, "2", draft("Byron", 1)))
    tally.add(planWrite(noLinks, "3", draft(undefined, 0)))
    const report = tally.report()
    assert.strictEqual(report.contacts, 3)
    assert.strictEqual(report.refused, 1)
    assert.deepStrictEqual(report.refusals[0]?.issues, ["name family: is required by acme"])
    assert.deepStrictEqual(report.losses.map((group) => [group.part, group.contacts]), [["Link", 2]])
    const text = renderLossReport(report, "here", "acme").join("\n")
    assert.include(text, "acme will refuse 1 contact:")
    assert.include(text, "Link: acme cannot store Link fields — 2 contacts")
  })

  it("a refused contact is not planned with a draft the target rejects", () => {
    const plan = planWrite(noLinks, "1", draft("Lovelace", 1))
    assert.deepStrictEqual(plan.refusal, [])
    assert.isFalse(plan.draft.fields.some((field) => field._tag === "Link"))
  })
})

describe("progress", () => {
  it("says the count, the rate and, with a total, the time left", () => {
    assert.strictEqual(describeProgress("copying", 50, undefined, 10_000), "copying: 50 contacts, 5.0/s")
    assert.strictEqual(
      describeProgress("copying", 50, 150, 10_000),
      "copying: 50 of 150 contacts, 5.0/s, about 20 s left"
    )
    assert.strictEqual(describeProgress("copying", 0, 150, 0), "copying: 0 of 150 contacts")
  })
})
