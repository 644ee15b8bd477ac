// The workspace's root and its package folders, for the root scripts that work over every package at once
// (`typecheck.mjs`, `build-packages.mjs`): read from pnpm-workspace.yaml's `packages:` globs, so a new package
// folder is found the way pnpm finds it.
import { globSync, readFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "..")

/** Every package folder the workspace's globs match, absolute and sorted. */
export const packageDirs = () => {
  const lines = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8").split("\n")
  const start = lines.indexOf("packages:")
  const globs = []
  for (const line of lines.slice(start + 1)) {
    const match = /^\s+-\s+["']?([^"'\s]+)["']?\s*$/u.exec(line)
    if (match === null) break
    globs.push(match[1])
  }
  return globs.flatMap((glob) => globSync(glob, { cwd: root })).map((dir) => join(root, dir)).sort()
}
