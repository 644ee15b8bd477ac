/**
 * `.env.example` at the repository root is exactly what `contactkit env --mocks` prints from the registry with an
 * empty environment: every adapter's variables set for the local mock servers, and each mock's port variable.
 * A vendor added to the registry without regenerating it fails here, with the command that regenerates it.
 */
import { vendors } from "@contactkit/registry"
import * as NodeServices from "@effect/platform-node/NodeServices"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { runCli } from "../src/Cli.ts"
import { type Captured, layerCapture } from "../src/Output.ts"
import { Environment, layer as liveDirectories } from "../src/VendorConfiguration.ts"

const committed = fileURLToPath(new URL("../../../.env.example", import.meta.url))
const regenerate =
  "node_modules/.bin/node --conditions=@contactkit/source apps/cli/src/main.ts env --mocks > .env.example"

const generated = Effect.gen(function*() {
  const captured: Captured = { stdout: [], stderr: [] }
  const code = yield* runCli(["env", "--mocks"]).pipe(
    Effect.provide(Layer.mergeAll(
      NodeServices.layer,
      layerCapture(captured),
      liveDirectories.pipe(Layer.provideMerge(Layer.succeed(Environment, { variables: {} })))
    ))
  )
  assert.strictEqual(code, 0)
  return captured.stdout.join("")
})

describe(".env.example", () => {
  it.effect("is what `contactkit env --mocks` prints", () =>
    Effect.gen(function*() {
      const text = yield* generated
      assert.strictEqual(readFileSync(committed, "utf8"), text, `.env.example is stale: run ${regenerate}`)
    }))

  it.effect("names every variable of every adapter and every mock's port variable", () =>
    Effect.gen(function*() {
      const names = readFileSync(committed, "utf8").split("\n").filter((line) => /^[A-Z0-9_]+=/u.test(line))
        .map((line) => line.slice(0, line.indexOf("=")))
      for (const vendor of vendors) {
        for (const variable of vendor.env) assert.include(names, variable.name)
        assert.include(names, `CK_${vendor.name.toUpperCase().replaceAll("-", "_")}_PORT`)
      }
    }))
})
