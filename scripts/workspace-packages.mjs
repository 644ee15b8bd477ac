// The workspace's root and its package folders, for the root scripts that work over every package at once
// (`typecheck.mjs`, `build-packages.mjs`) and the consumer test's list of publishable packages: read from
// pnpm-workspace.yaml's `packages:` globs, so a new package folder is found the way pnpm finds it.
import { globSync, readFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "..")

/** The `packages:` globs of a `pnpm-workspace.yaml`'s text, in order. */
export const workspaceGlobs = (yaml) => {
  const lines = yaml.split("\n")
  const start = lines.indexOf("packages:")
  if (start === -1) return []
  const globs = []
  for (const line of lines.slice(start + 1)) {
    const match = /^\s+-\s+["']?([^"'\s]+)["']?\s*$/u.exec(line)
    if (match === null) break
    globs.push(match[1])
  }
  return globs
}

/** Every package folder the workspace's globs match, absolute and sorted. */
export const packageDirs = () =>
  workspaceGlobs(readFileSync(join(root, "pnpm-workspace.yaml"), "utf8")).flatMap((glob) =>
    globSync(glob, { cwd: root })
  ).map((dir) => join(root, dir)).sort()
