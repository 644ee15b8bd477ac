/**
 * A fresh project outside the workspace (in RAM where the machine allows, `ProjectParent.ts`), as another team
 * would make one: the publishable packages (`PublishablePackages.ts`) packed with `pnpm pack` (which turns
 * `workspace:*` and `catalog:` into versions), the tarballs installed with `npm install` beside `effect`,
 * `@effect/platform-node`, `vitest` and `@effect/vitest` from the registry (npm's cache first), and a Node 22 binary
 * for the oldest Node the packages support (`Node22.ts`: the registry's `node` package, kept in the workspace's
 * `node_modules/.cache/`).
 * The packages must already be built (`dist/`): turbo runs the root `build:packages` (every package in one
 * TypeScript program, `scripts/build-packages.mjs`) before this package's `test`.
 */
import { Context, Effect, Layer } from "effect"
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { node22 } from "./Node22.ts"
import { npm, run, succeeded } from "./Processes.ts"
import { projectParent } from "./ProjectParent.ts"
import { publishablePackages } from "./PublishablePackages.ts"

export const workspaceRoot = fileURLToPath(new URL("../../../", import.meta.url))

export interface Packed {
  readonly name: string
  readonly filename: string
  readonly files: ReadonlyArray<string>
}

export class ConsumerProject extends Context.Service<ConsumerProject, {
  readonly dir: string
  readonly node22: string
  /** The publishable packages, packed. */
  readonly packed: ReadonlyArray<Packed>
  /** Every package pnpm packed: the workspace as pnpm sees it. */
  readonly workspace: ReadonlyArray<string>
}>()("@contactkit/consumer-test/ConsumerProject") {}

const pnpm = (args: ReadonlyArray<string>) => {
  const execPath = process.env["npm_execpath"]
  return execPath !== undefined && execPath.includes("pnpm")
    ? run(execPath, args, { cwd: workspaceRoot })
    : run("npx", ["-y", "pnpm@12.21.0", ...args], { cwd: workspaceRoot })
}

/** The versions this workspace itself runs, so the consumer gets the same third-party packages. */
const installedVersion = (name: string): string => {
  const require = createRequire(import.meta.url)
  return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")) as { version: string }).version
}

const thirdParty = ["effect", "@effect/platform-node", "vitest", "@effect/vitest", "@types/node"]

/**
 * Packs every workspace package in one `pnpm pack` (pnpm's start-up is most of its cost; the four private packages
 * add about 90 kB), so pnpm itself names the workspace it sees; only the publishable ones are installed.
 */
const packAll = (destination: string) =>
  Effect.gen(function*() {
    const packed = yield* pnpm(["-r", "pack", "--json", "--pack-destination", destination]).pipe(
      Effect.flatMap(succeeded("pnpm pack"))
    )
    const result = JSON.parse(packed.stdout) as ReadonlyArray<
      { name: string; filename: string; files: ReadonlyArray<{ path: string }> }
    >
    const publishable = new Set(publishablePackages())
    return {
      workspace: result.map((entry) => entry.name),
      packed: result.filter((entry) => publishable.has(entry.name)).map((entry) => ({
        name: entry.name,
        filename: entry.filename,
        files: entry.files.map((file) => file.path)
      }))
    }
  })

const make = Effect.gen(function*() {
  const dir = mkdtempSync(join(projectParent(), "contactkit-consumer-"))
  if (process.env["CK_CONSUMER_KEEP"] === undefined) {
    yield* Effect.addFinalizer(() => Effect.sync(() => rmSync(dir, { recursive: true, force: true })))
  }
  const project = join(dir, "project")
  const { packed, workspace } = yield* packAll(join(dir, "tarballs"))
  const dependencies = Object.fromEntries([
    ...packed.map((entry) => [entry.name, `file:${entry.filename}`]),
    ...thirdParty.map((name) => [name, installedVersion(name)])
  ])
  mkdirSync(project)
  writeFileSync(
    join(project, "package.json"),
    `${JSON.stringify({ name: "consumer", private: true, type: "module", dependencies }, null, 2)}\n`
  )
  // The two installs (Node 22's only when it is not in the cache yet) share nothing but npm's cache, and mostly
  // wait on the registry and the disk: run together.
  const [, node] = yield* Effect.all([
    npm(["install", "--prefer-offline"], { cwd: project }).pipe(Effect.flatMap(succeeded("npm install"))),
    node22(join(workspaceRoot, "node_modules", ".cache", "consumer-test"))
  ], { concurrency: 2 })
  return ConsumerProject.of({ dir: project, node22: node, packed, workspace })
})

export const layer = Layer.effect(ConsumerProject, make)
