/**
 * The workspace's publishable packages, found as pnpm finds its workspace: every folder `pnpm-workspace.yaml`'s
 * `packages:` globs match that has a `package.json` not marked `private` (the same globs the root build and
 * typecheck read). Read here rather than asked of `pnpm ls`, whose start-up alone cost 0.3–0.6 s of CPU on every
 * run for the names and flags these manifests hold.
 */
import { existsSync, globSync, readFileSync } from "node:fs"
import { join } from "node:path"

export interface WorkspacePackage {
  readonly name: string
  readonly dir: string
  readonly private: boolean
  /** The workspace packages it depends on at run time (`dependencies` and `peerDependencies`). */
  readonly workspaceDependencies: ReadonlyArray<string>
}

/** The `packages:` globs of a `pnpm-workspace.yaml`'s text, in order. */
export const workspaceGlobs = (yaml: string): ReadonlyArray<string> => {
  const lines = yaml.split("\n")
  const start = lines.indexOf("packages:")
  if (start === -1) return []
  const globs: Array<string> = []
  for (const line of lines.slice(start + 1)) {
    const match = /^\s+-\s+["']?([^"'\s]+)["']?\s*$/u.exec(line)
    if (match === null) break
    globs.push(match[1]!)
  }
  return globs
}

interface Manifest {
  readonly name?: string
  readonly private?: boolean
  readonly dependencies?: Record<string, string>
  readonly peerDependencies?: Record<string, string>
}

/** Every package of the workspace at `root`, sorted by folder. */
export const workspacePackages = (root: string): ReadonlyArray<WorkspacePackage> => {
  const globs = workspaceGlobs(readFileSync(join(root, "pnpm-workspace.yaml"), "utf8"))
  const dirs = [...new Set(globs.flatMap((glob) => globSync(glob, { cwd: root })))].sort()
  return dirs.flatMap((dir) => {
    const path = join(root, dir, "package.json")
    if (!existsSync(path)) return []
    const manifest = JSON.parse(readFileSync(path, "utf8")) as Manifest
    if (manifest.name === undefined) return []
    const runtime = { ...manifest.dependencies, ...manifest.peerDependencies }
    return [{
      name: manifest.name,
      dir: join(root, dir),
      private: manifest.private === true,
      workspaceDependencies: Object.keys(runtime).filter((name) => runtime[name]!.startsWith("workspace:"))
    }]
  })
}

/** The names of the packages another team can install. */
export const publishablePackages = (root: string): ReadonlyArray<string> =>
  workspacePackages(root).filter((entry) => !entry.private).map((entry) => entry.name)
