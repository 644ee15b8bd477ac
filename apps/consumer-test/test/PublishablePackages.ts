/**
 * The workspace's publishable packages, found as pnpm finds its workspace: every folder `pnpm-workspace.yaml`'s
 * `packages:` globs match that has a `package.json` not marked `private` (the folders as the root build and
 * typecheck read them, `scripts/workspace-packages.mjs`). Read here rather than asked of `pnpm ls`, whose start-up
 * alone cost 0.3–0.6 s of CPU on every run for the names and flags these manifests hold.
 */
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { packageDirs } from "../../../scripts/workspace-packages.mjs"

export { workspaceGlobs } from "../../../scripts/workspace-packages.mjs"

export interface WorkspacePackage {
  readonly name: string
  readonly dir: string
  readonly private: boolean
  /** The workspace packages it depends on at run time (`dependencies` and `peerDependencies`). */
  readonly workspaceDependencies: ReadonlyArray<string>
}

interface Manifest {
  readonly name?: string
  readonly private?: boolean
  readonly dependencies?: Record<string, string>
  readonly peerDependencies?: Record<string, string>
}

/** Every package of the workspace, sorted by folder. */
export const workspacePackages = (): ReadonlyArray<WorkspacePackage> =>
  packageDirs().flatMap((dir) => {
    const path = join(dir, "package.json")
    if (!existsSync(path)) return []
    const manifest = JSON.parse(readFileSync(path, "utf8")) as Manifest
    if (manifest.name === undefined) return []
    const runtime = { ...manifest.dependencies, ...manifest.peerDependencies }
    return [{
      name: manifest.name,
      dir,
      private: manifest.private === true,
      workspaceDependencies: Object.keys(runtime).filter((name) => runtime[name]!.startsWith("workspace:"))
    }]
  })

/** The names of the packages another team can install. */
export const publishablePackages = (): ReadonlyArray<string> =>
  workspacePackages().filter((entry) => !entry.private).map((entry) => entry.name)
