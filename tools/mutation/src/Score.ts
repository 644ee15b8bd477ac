/**
 * Mutation scores per file, counted the way Stryker counts them: a mutant is detected when a
 * test failed (`Killed`) or the run hung (`Timeout`); it is undetected when every test passed
 * (`Survived`) or no test ran its code (`NoCoverage`). Mutants that do not compile or crash
 * outside a test, and ignored ones, are in neither count.
 */

/** The part of Stryker's `MutantResult` the scores read. */
export interface Result {
  readonly fileName: string
  readonly status: string
  readonly mutatorName: string
  readonly replacement: string
  readonly location: { readonly start: { readonly line: number; readonly column: number } }
  /** The source line the mutant changed, as it was when mutated. */
  readonly code?: string
}

export interface FileScore {
  readonly file: string
  readonly detected: number
  readonly undetected: number
  readonly invalid: number
  /** Percent, or undefined when the file has no valid mutant. */
  readonly score: number | undefined
}

const detected = new Set(["Killed", "Timeout"])
const undetected = new Set(["Survived", "NoCoverage"])

export const scoreByFile = (results: ReadonlyArray<Result>): ReadonlyArray<FileScore> => {
  const byFile = new Map<string, Array<Result>>()
  for (const result of results) byFile.set(result.fileName, [...(byFile.get(result.fileName) ?? []), result])
  return [...byFile.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([file, mutants]) => {
    const found = mutants.filter((m) => detected.has(m.status)).length
    const missed = mutants.filter((m) => undetected.has(m.status)).length
    return {
      file,
      detected: found,
      undetected: missed,
      invalid: mutants.length - found - missed,
      score: found + missed === 0 ? undefined : (100 * found) / (found + missed)
    }
  })
}

/** `Survived` and `NoCoverage` mutants, in file and line order. */
export const survivors = (results: ReadonlyArray<Result>): ReadonlyArray<Result> =>
  results.filter((r) => undetected.has(r.status)).sort((a, b) =>
    a.fileName.localeCompare(b.fileName) || a.location.start.line - b.location.start.line ||
    a.location.start.column - b.location.start.column
  )

/**
 * `packages/domain/src/ProjectionFlatten.ts:54:11 EqualityOperator → field.label.length < labels.maxLength`
 * then the line as it was, indented.
 */
export const formatSurvivor = (r: Result): string =>
  `${r.fileName}:${r.location.start.line}:${r.location.start.column} ${r.mutatorName}` +
  `${r.status === "NoCoverage" ? " (no coverage)" : ""} → ${r.replacement.replace(/\s+/gu, " ")}` +
  (r.code === undefined ? "" : `\n    ${r.code}`)
