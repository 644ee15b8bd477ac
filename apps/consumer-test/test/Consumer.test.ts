/**
 * The packages as another team gets them: packed, installed with npm into a fresh project outside the workspace,
 * and used there without type stripping — the README's adapter example on Node 24 and Node 22 against a mock
 * served by this test, the newcomer's three usual mistakes with that example, a strict NodeNext type-check of the
 * published types, and the conformance suite under vitest on the consumer's own adapter.
 */
import { ContactDirectory } from "@contactkit/domain"
import { layer as mockLayer, MockServer } from "@contactkit/mock-platform"
import { assert, layer } from "@effect/vitest"
import { ConfigProvider, Effect, Layer, Stream } from "effect"
import { FetchHttpClient } from "effect/http"
import { copyFileSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { createServer } from "node:net"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { ConsumerProject, layer as projectLayer } from "./ConsumerProject.ts"
import { node22Version } from "./Node22.ts"
import { run, succeeded } from "./Processes.ts"
import { workspacePackages } from "./PublishablePackages.ts"
import { mockVariables, readmeExample } from "./ReadmeExample.ts"

const example = readmeExample()
const fixtures = fileURLToPath(new URL("../fixtures/", import.meta.url))
const require = createRequire(import.meta.url)

const mock = mockLayer(example.vendor.mock, { port: 0, seed: true })

/** A port nobody listens on: bound for a moment, then released. */
const closedOrigin = Effect.callback<string>((resume) => {
  const server = createServer()
  server.listen(0, "127.0.0.1", () => {
    const address = server.address()
    const port = typeof address === "object" && address !== null ? address.port : 0
    server.close(() => resume(Effect.succeed(`http://127.0.0.1:${port}`)))
  })
})

/** What the example prints for each contact, from the workspace's own adapter over the same mock. */
const expectedContacts = (origin: string) =>
  Effect.gen(function*() {
    const contacts = yield* ContactDirectory
    return yield* Stream.runCollect(contacts.list({ pageSize: 100 }))
  }).pipe(
    Effect.provide(example.vendor.fromConfig.pipe(
      Layer.provide(FetchHttpClient.layer),
      Layer.provide(ConfigProvider.layer(ConfigProvider.fromUnknown(mockVariables(example.vendor, origin))))
    ))
  )

/** The log lines' messages, without their timestamps and fiber ids. */
const messages = (output: string) =>
  output.split("\n").filter((line) => line.includes(" INFO ")).map((line) => line.replace(/^.*? INFO \(#\d+\): /u, ""))

/**
 * Runs the example as `node example.mjs` in the project. Node's compile cache (beside the project, removed with it)
 * lets the four runs on Node 24 after the first load the same installed modules from V8's cached code: about 0.1 s
 * of CPU less each (0.40 -> 0.31 s, load 6-8). Node checks each entry against the file's contents, so every run
 * executes exactly the installed JavaScript.
 */
const runExample = (node: string, env: Record<string, string>) =>
  Effect.gen(function*() {
    const { dir } = yield* ConsumerProject
    writeFileSync(join(dir, "example.mjs"), example.code)
    const compileCache = join(dir, "..", "compile-cache")
    return yield* run(node, ["example.mjs"], {
      cwd: dir,
      env: { ...env, NODE_COMPILE_CACHE: compileCache },
      timeoutMs: 30_000
    })
  })

const urlVariable = example.vendor.env.find((variable) => variable.mockValue.startsWith("{mock}"))!

layer(Layer.merge(projectLayer, mock), { timeout: "240 seconds" })("packed packages in a fresh project", (it) => {
  it.effect("every package is packed with its build and none of its tests, fixtures or build settings", () =>
    Effect.gen(function*() {
      const { packed, workspace } = yield* ConsumerProject
      // The manifests name the workspace pnpm packs, so the publishable ones read from them are pnpm's too.
      const manifests = workspacePackages()
      assert.deepStrictEqual([...workspace].sort(), manifests.map((entry) => entry.name).sort())
      assert.deepStrictEqual(
        packed.map((entry) => entry.name).sort(),
        manifests.filter((entry) => !entry.private).map((entry) => entry.name).sort()
      )
      assert.isAtLeast(packed.length, 20)
      for (const entry of packed) {
        const strays = entry.files.filter((file) =>
          /^(test|fixtures|scripts)\//u.test(file) || /\.test\.|tsconfig|vitest\.config/u.test(file)
        )
        assert.deepStrictEqual(strays, [], `${entry.name} carries files only this repository needs`)
        assert.isTrue(entry.files.some((file) => file.startsWith("dist/") && file.endsWith(".d.ts")), entry.name)
        assert.include(entry.files, "LICENSE", `${entry.name} carries the licence`)
        assert.include(entry.files, "README.md", `${entry.name} carries its README`)
      }
      const vendorPackages = packed.filter((entry) => /^@contactkit\/vendor-(?!kit$)/u.test(entry.name))
      for (const entry of vendorPackages) assert.include(entry.files, "openapi.yaml", entry.name)
    }))

  it.effect("the README's adapter example lists the mock's contacts on Node 24 and on Node 22", () =>
    Effect.gen(function*() {
      const { node22 } = yield* ConsumerProject
      const { url } = yield* MockServer
      const contacts = yield* expectedContacts(url)
      assert.isAbove(contacts.length, 0)
      const env = mockVariables(example.vendor, url)
      const on24 = yield* runExample(process.execPath, env).pipe(Effect.flatMap(succeeded("example on Node 24")))
      const on22 = yield* runExample(node22, env).pipe(Effect.flatMap(succeeded("example on Node 22")))
      const version = yield* run(node22, ["--version"], { cwd: fixtures })
      assert.strictEqual(version.stdout.trim(), `v${node22Version}`)
      assert.strictEqual(messages(on24.output).length, contacts.length)
      assert.deepStrictEqual(messages(on22.output), messages(on24.output))
      for (const contact of contacts) {
        if (contact.name.given !== undefined) assert.include(on24.output, contact.name.given)
      }
      assert.notInclude(on24.output + on22.output, "ExperimentalWarning")
    }))

  it.effect("with two variables missing, the example names both and the vendor, and exits 1", () =>
    Effect.gen(function*() {
      const { url } = yield* MockServer
      const env: Record<string, string> = { ...mockVariables(example.vendor, url) }
      const [, second, third] = example.vendor.env
      assert.isDefined(third)
      delete env[second!.name]
      delete env[third!.name]
      const ran = yield* runExample(process.execPath, env)
      assert.strictEqual(ran.code, 1)
      assert.include(
        ran.output,
        `the ${example.vendor.name} adapter cannot start: ${second!.name} and ${third!.name} are not set.`
      )
      assert.notInclude(ran.output, "[object Object]")
      assert.notInclude(ran.output, "UnhandledPromiseRejection")
    }))

  it.effect("pointed at a server that is not running, it says connection refused and where", () =>
    Effect.gen(function*() {
      const { url } = yield* MockServer
      const origin = yield* closedOrigin
      const env = {
        ...mockVariables(example.vendor, url),
        [urlVariable.name]: urlVariable.mockValue.replace("{mock}", origin)
      }
      const ran = yield* runExample(process.execPath, env)
      assert.strictEqual(ran.code, 1)
      assert.include(ran.output, `connection refused: nothing is listening at ${origin} (is the server running?)`)
      const secrets = example.vendor.env.filter((variable) => variable.secret === true)
      for (const secret of secrets) assert.notInclude(ran.output, secret.mockValue)
    }))

  it.effect("with the API's base path left off the URL, the 404 says the base URL is probably wrong", () =>
    Effect.gen(function*() {
      const { url } = yield* MockServer
      assert.notStrictEqual(urlVariable.mockValue, "{mock}", "the vendor's URL has a base path to leave off")
      const ran = yield* runExample(process.execPath, {
        ...mockVariables(example.vendor, url),
        [urlVariable.name]: url
      })
      assert.strictEqual(ran.code, 1)
      assert.include(ran.output, "the base URL is probably wrong")
    }))

  it.effect("a strict NodeNext TypeScript consumer type-checks against the published types", () =>
    Effect.gen(function*() {
      const { dir } = yield* ConsumerProject
      for (const file of ["tsconfig.json", "typed.ts"]) copyFileSync(join(fixtures, file), join(dir, file))
      writeFileSync(join(dir, "example.ts"), example.code)
      const tsc = join(require.resolve("typescript/package.json"), "..", "bin", "tsc")
      // One thread: each of TypeScript 7's parallel checkers resolves the libraries' types again, which on the
      // test line's two shared cores costs CPU (4.9 -> 3.3 s) and saves no time. The same files, the same checks.
      const ran = yield* run(process.execPath, [tsc, "-p", "tsconfig.json", "--singleThreaded"], { cwd: dir })
      assert.strictEqual(ran.code, 0, ran.output)
    }))

  it.effect("the conformance suite passes on the consumer's own adapter under vitest, with no configuration", () =>
    Effect.gen(function*() {
      const { dir } = yield* ConsumerProject
      for (const file of ["NotebookDirectory.ts", "notebook.test.ts"]) {
        copyFileSync(join(fixtures, file), join(dir, file))
      }
      const vitest = join(dir, "node_modules", "vitest", "vitest.mjs")
      const ran = yield* run(process.execPath, [vitest, "run"], { cwd: dir, timeoutMs: 120_000 })
      assert.strictEqual(ran.code, 0, ran.output)
      assert.match(ran.output, /notebook\.test\.ts \(\d+ tests/u)
      assert.match(ran.output, /Tests\s+\d+ passed/u)
      assert.notMatch(ran.output, /\d+ failed/u)
    }))
})
