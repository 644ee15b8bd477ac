/**
 * Configuration through the adapters' own variables: a missing variable is named with its vendor; a profile reads
 * `<PROFILE>_<VARIABLE>` and falls back to the plain name only for variables that are not secret; an --env-file
 * reaches the adapter for real (here pointing at a mock on port 0); and a credential never appears in what the CLI
 * prints, nor in its state file.
 */
import { vendors } from "@contactkit/registry"
import * as NodeServices from "@effect/platform-node/NodeServices"
import { assert, layer } from "@effect/vitest"
import { Effect, Layer, Result } from "effect"
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { runCli } from "../src/Cli.ts"
import { type Captured, layerCapture } from "../src/Output.ts"
import { parseVendorChoice, type VendorChoice } from "../src/VendorChoice.ts"
import { Environment, layer as liveDirectories, resolveVariables } from "../src/VendorConfiguration.ts"
import { contactsAt, mocksLayer, MockUrls } from "./CliHarness.ts"
import { tempDir } from "./TempDir.ts"

const vendor = vendors.find((v) => v.env.some((e) => e.secret === true) && v.env.some((e) => e.secret !== true))!
const secret = vendor.env.find((e) => e.secret === true)!
const plain = vendor.env.find((e) => e.secret !== true)!

const choice = (text: string): VendorChoice => Result.getOrThrow(parseVendorChoice(text))

/** Runs the CLI with the live configuration (variables → `fromConfig`) and the given process environment. */
const live = (variables: Record<string, string>, ...args: ReadonlyArray<string>) =>
  Effect.gen(function*() {
    const captured: Captured = { stdout: [], stderr: [] }
    const code = yield* runCli(args).pipe(
      Effect.provide(Layer.mergeAll(
        NodeServices.layer,
        layerCapture(captured),
        liveDirectories.pipe(Layer.provideMerge(Layer.succeed(Environment, { variables })))
      ))
    )
    return { code, stdout: captured.stdout.join(""), stderr: captured.stderr.join("") }
  })

const envFileFor = (url: string, overrides: Record<string, string> = {}) => {
  const path = join(tempDir("contactkit-env-"), "mock.env")
  const values = Object.fromEntries(vendor.env.map((v) => [v.name, v.mockValue.replace("{mock}", url)]))
  writeFileSync(path, Object.entries({ ...values, ...overrides }).map(([k, v]) => `${k}=${v}`).join("\n") + "\n")
  return path
}

layer(mocksLayer, { timeout: "60 seconds", excludeTestServices: true })("configuration", (it) => {
  it.effect("a missing variable is named with its vendor; a profile's secret never falls back", () =>
    Effect.gen(function*() {
      const all = Object.fromEntries(vendor.env.map((v) => [v.name, "x"]))
      const error = yield* Effect.flip(resolveVariables(choice(`${vendor.name}@work`), [all]))
      assert.include(error.message, `WORK_${secret.name}`)
      assert.include(error.message, `${vendor.name}@work`)
      assert.notInclude(error.message, `WORK_${plain.name}`, "a plain variable falls back to its plain name")
      const values = yield* resolveVariables(choice(`${vendor.name}@work`), [{ ...all, [`WORK_${secret.name}`]: "w" }])
      assert.strictEqual(values[secret.name], "w")
      assert.strictEqual(values[plain.name], "x")

      const run = yield* live({}, "list", vendor.name)
      assert.strictEqual(run.code, 2)
      for (const variable of vendor.env) assert.include(run.stderr, variable.name)
    }))

  it.effect("an --env-file configures the adapter, and its key shows nowhere: not on failure, not in the state file", () =>
    Effect.gen(function*() {
      const { urlOf } = yield* MockUrls
      const url = urlOf(vendor)
      const listed = yield* live({}, "list", vendor.name, "--env-file", envFileFor(url))
      assert.strictEqual(listed.code, 0, listed.stderr)
      assert.strictEqual(listed.stdout.trim().split("\n").length, (yield* contactsAt(vendor)).length)
      assert.notInclude(listed.stdout + listed.stderr, vendor.mockApiKey)

      const wrongKey = "not-the-key-5f0c9e1b"
      const refused = yield* live({}, "list", vendor.name, "--env-file", envFileFor(url, { [secret.name]: wrongKey }))
      assert.strictEqual(refused.code, 1)
      assert.include(refused.stderr, "Unauthorized")
      assert.notInclude(refused.stdout + refused.stderr, wrongKey)

      const other = vendors.find((v) => v !== vendor)!
      const state = join(tempDir("contactkit-state-"), "state.sqlite")
      const env = envFileFor(url)
      const otherEnv = Object.fromEntries(other.env.map((v) => [v.name, v.mockValue.replace("{mock}", urlOf(other))]))
      const copied = yield* live(
        otherEnv,
        "copy",
        "--from",
        other.name,
        "--to",
        vendor.name,
        "--env-file",
        env,
        "--state",
        state,
        "--quiet"
      )
      assert.include([0, 1], copied.code)
      const stored = readFileSync(state).toString("latin1") +
        readFileSync(`${state}-wal`, { flag: "a+" }).toString("latin1")
      assert.include(stored, other.name, "the state file was written")
      assert.notInclude(stored, vendor.mockApiKey)
      assert.notInclude(stored, other.mockApiKey)
    }))
})
