/**
 * What mutation testing covers: the packages whose sources are mutated, and the files the
 * project holds to a minimum score. Paths are from the repository root.
 */

export interface Target {
  /** What to type on the command line (`domain`). */
  readonly name: string
  /** The package folder; its own `vitest.config.ts` runs the tests. */
  readonly dir: string
  /** Globs inside `dir` of the files to mutate; `!` excludes. */
  readonly mutate: ReadonlyArray<string>
}

export const targets: ReadonlyArray<Target> = [
  {
    name: "domain",
    dir: "packages/domain",
    // The arbitraries only generate test input, and the demo is a script for people: neither is behaviour.
    mutate: ["src/**/*.ts", "!src/index.ts", "!src/demo.ts", "!src/testing/**"]
  },
  {
    name: "adapter-kit",
    dir: "packages/adapter-kit",
    mutate: ["src/**/*.ts", "!src/index.ts"]
  }
]

/** The score (in percent) each of these files must reach (issue 7; `Projection.ts` has since been split by rule family). */
export const goals: Readonly<Record<string, number>> = {
  "packages/domain/src/Projection.ts": 90,
  "packages/domain/src/ProjectionFieldOrder.ts": 90,
  "packages/domain/src/ProjectionFields.ts": 90,
  "packages/domain/src/ProjectionFlatten.ts": 90,
  "packages/domain/src/ProjectionKeys.ts": 90,
  "packages/domain/src/ProjectionParts.ts": 90,
  "packages/domain/src/ProjectionSinglePreferred.ts": 90,
  "packages/domain/src/ProjectionTrimmed.ts": 90,
  "packages/domain/src/ProjectionUniqueKey.ts": 90,
  "packages/domain/src/ProjectionValueIssues.ts": 90,
  "packages/domain/src/ProjectionWalk.ts": 90,
  "packages/domain/src/Capabilities.ts": 90,
  "packages/domain/src/Patch.ts": 90,
  "packages/domain/src/ValidateChange.ts": 90
}
