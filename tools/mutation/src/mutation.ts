/**
 * Mutation testing as a benchmark: runs Stryker over the domain and the adapter kit and prints
 * the mutation score of every file, then the surviving mutants. Not part of the test line: it
 * takes minutes, not seconds. See the README for the arguments.
 *
 *   node src/mutation.ts [--force] [--concurrency N] [--survivors] [domain | adapter-kit | File.ts | path ...]
 */
import { Stryker } from "@stryker-mutator/core"
import { existsSync, mkdirSync, writeFileSync } from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { readReport } from "./Report.ts"
import { formatSurvivor, type Result, scoreByFile, survivors } from "./Score.ts"
import { reportsDir, type RunOptions, strykerOptions } from "./StrykerOptions.ts"
import { goals, type Target, targets } from "./Targets.ts"

const root = fileURLToPath(new URL("../../../", import.meta.url))

interface Args {
  readonly force: boolean
  readonly concurrency: number
  readonly printSurvivors: boolean
  readonly selections: ReadonlyArray<string>
}

const parseArgs = (argv: ReadonlyArray<string>): Args => {
  const rest = [...argv]
  const flag = (name: string) => {
    const at = rest.indexOf(name)
    if (at >= 0) rest.splice(at, 1)
    return at >= 0
  }
  const force = flag("--force")
  const printSurvivors = flag("--survivors")
  const at = rest.indexOf("--concurrency")
  const concurrency = at >= 0 ? Number(rest.splice(at, 2)[1]) : 1
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error("--concurrency takes a whole number ≥ 1")
  return { force, concurrency, printSurvivors, selections: rest.filter((a) => a !== "--") }
}

interface Selection {
  readonly target: Target
  readonly file?: string
}

/** A package name, a root-relative path, or a file name found in a package's `src/`. */
const resolveSelection = (selection: string): Selection => {
  const byName = targets.find((t) => t.name === selection)
  if (byName !== undefined) return { target: byName }
  const candidates = selection.includes("/") ? [selection] : targets.map((t) => `${t.dir}/src/${selection}`)
  const file = candidates.find((c) => existsSync(path.join(root, c)))
  const target = targets.find((t) => file?.startsWith(`${t.dir}/`))
  if (file === undefined || target === undefined) {
    throw new Error(`${selection}: not a package (${targets.map((t) => t.name).join(", ")}) nor a file in one`)
  }
  return { target, file }
}

/** One run per package: Stryker's sandbox holds one package at a time. */
const plan = (args: Args): ReadonlyArray<RunOptions> => {
  const picked: ReadonlyArray<Selection> = args.selections.length === 0
    ? targets.map((target) => ({ target }))
    : args.selections.map(resolveSelection)
  return targets.flatMap((target) => {
    const mine = picked.filter((p) => p.target === target)
    if (mine.length === 0) return []
    const files = mine.flatMap((p) => (p.file === undefined ? [] : [p.file]))
    // A whole package named once means the whole package.
    const whole = mine.some((p) => p.file === undefined)
    const reportName = whole ? target.name : `${target.name}.${files.map((f) => path.basename(f, ".ts")).join("+")}`
    return [{ target, files: whole ? [] : files, concurrency: args.concurrency, force: args.force, reportName }]
  })
}

const percent = (score: number | undefined) => (score === undefined ? "  n/a" : `${score.toFixed(1).padStart(5)}%`)

const report = (results: ReadonlyArray<Result>, printSurvivors: boolean): boolean => {
  const scores = scoreByFile(results)
  const width = Math.max(...scores.map((s) => s.file.length), 4)
  console.log(`\n${"file".padEnd(width)}   score  killed  survived  invalid  goal`)
  let met = true
  for (const s of scores) {
    const goal = goals[s.file]
    const ok = goal === undefined || (s.score ?? 100) >= goal
    met &&= ok
    const mark = goal === undefined ? "" : `${goal}% ${ok ? "met" : "NOT MET"}`
    console.log(
      `${s.file.padEnd(width)}  ${percent(s.score)}  ${String(s.detected).padStart(6)}  ${
        String(s.undetected).padStart(8)
      }  ${String(s.invalid).padStart(7)}  ${mark}`
    )
  }
  const all = scoreByFile(results.map((r) => ({ ...r, fileName: "all" })))[0]
  console.log(`${"all".padEnd(width)}  ${percent(all?.score)}`)
  const left = survivors(results).map(formatSurvivor)
  if (printSurvivors && left.length > 0) console.log(`\nSurviving mutants:\n${left.join("\n")}`)
  return met
}

const main = async () => {
  const args = parseArgs(process.argv.slice(2))
  // Stryker reads its files and writes its sandbox relative to the working directory.
  process.chdir(root)
  const plugin = fileURLToPath(import.meta.resolve("@stryker-mutator/vitest-runner"))
  mkdirSync(path.join(root, reportsDir), { recursive: true })
  const results: Array<Result> = []
  for (const run of plan(args)) {
    console.log(`Mutating ${run.files.length > 0 ? run.files.join(", ") : run.target.dir} …`)
    const options = strykerOptions(run, plugin)
    await new Stryker(options as ConstructorParameters<typeof Stryker>[0]).runMutationTest()
    const mutants = readReport(path.join(root, options.jsonReporter.fileName))
    writeFileSync(
      path.join(root, reportsDir, `${run.reportName}.survivors.txt`),
      `${survivors(mutants).map(formatSurvivor).join("\n")}\n`
    )
    results.push(...mutants)
  }
  if (!report(results, args.printSurvivors)) process.exitCode = 1
}

await main()
