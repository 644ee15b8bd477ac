/**
 * Reads the mutants of a run back from Stryker's JSON report (the mutation-testing-report-schema
 * format), which also holds each file's source as mutated, so a survivor can be shown with the line
 * it changed even after the file has moved on.
 */
import { readFileSync } from "node:fs"
import type { Result } from "./Score.ts"

interface ReportFile {
  readonly source: string
  readonly mutants: ReadonlyArray<Omit<Result, "fileName" | "code">>
}

export const readReport = (file: string): ReadonlyArray<Result> => {
  const report = JSON.parse(readFileSync(file, "utf8")) as { readonly files: Record<string, ReportFile> }
  return Object.entries(report.files).flatMap(([fileName, { source, mutants }]) => {
    const lines = source.split("\n")
    return mutants.map((m) => ({ ...m, fileName, code: (lines[m.location.start.line - 1] ?? "").trim() }))
  })
}
