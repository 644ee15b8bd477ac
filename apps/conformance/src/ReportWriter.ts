/**
 * A Vitest reporter that writes `reports/conformance.md` after every run: the vendor × scenario
 * matrix from the test results, and the field × vendor matrix the run wrote from each harness's Capabilities
 * (`fidelityPath`; the run that builds the harnesses renders it, see `writeFidelityMatrix`).
 * JUnit XML is written by Vitest's own junit reporter beside it.
 *
 * It imports no workspace package: Vitest loads a config's reporters before it resolves packages from their
 * sources, so anything imported here must resolve as it is published.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname } from "node:path"
import type { Reporter, TestModule } from "vitest/node"
import { type ScenarioName, scenarioNames, scenarios } from "./Scenarios.ts"

const symbol = { passed: "✅ pass", failed: "❌ fail", skipped: "⏭ skip", pending: "…" } as const

export default class ReportWriter implements Reporter {
  readonly path: string
  readonly fidelityPath: string
  /** `fidelityPath`: the field × vendor matrix of the run, as `writeFidelityMatrix` left it. */
  constructor(options: { readonly path?: string; readonly fidelityPath?: string } = {}) {
    this.path = options.path ?? "reports/conformance.md"
    this.fidelityPath = options.fidelityPath ?? "reports/fidelity.md"
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    const results = new Map<string, Map<ScenarioName, { state: keyof typeof symbol; note: string }>>()
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const vendor = /ContactDirectory \((.+?)\)/u.exec(test.fullName)?.[1]
        const scenario = scenarioNames.find((name) => test.name.startsWith(`${name}:`))
        if (vendor === undefined || scenario === undefined) continue
        const result = test.result()
        const note = result.state === "skipped"
          ? (test.name.split("— skipped: ")[1] ?? "")
          : result.state === "failed"
          ? (result.errors?.[0]?.message ?? "").split("\n")[0]!.slice(0, 120)
          : ""
        const row = results.get(vendor) ?? new Map()
        row.set(scenario, { state: result.state, note })
        results.set(vendor, row)
      }
    }
    const names = [...results.keys()]
    const lines = [
      "# Conformance report",
      "",
      "Written by `apps/conformance` on every run. Against the mocks every request went through",
      "`prism proxy --errors vendors/<vendor>/openapi.yaml`; the `contract` scenario fails on any violation.",
      "",
      "## Vendor × scenario",
      "",
      `| scenario | ${names.join(" | ")} |`,
      `| --- | ${names.map(() => "---").join(" | ")} |`,
      ...scenarioNames.map((scenario) =>
        `| ${scenario} | ${
          names.map((vendor) => {
            const r = results.get(vendor)?.get(scenario)
            return r === undefined ? "—" : `${symbol[r.state]}${r.note ? ` (${r.note.replaceAll("|", "\\|")})` : ""}`
          }).join(" | ")
        } |`
      ),
      "",
      "Scenarios:",
      "",
      ...scenarioNames.map((scenario) => `- **${scenario}**: ${scenarios[scenario]}`),
      "",
      "## Field × vendor (from each vendor's Capabilities)",
      "",
      existsSync(this.fidelityPath)
        ? readFileSync(this.fidelityPath, "utf8").trimEnd()
        : "(no matrix: the run wrote none — see `writeFidelityMatrix`)",
      ""
    ]
    mkdirSync(dirname(this.path), { recursive: true })
    writeFileSync(this.path, lines.join("\n"))
  }
}
