/**
 * The workspace's packages as the consumer test reads them from the manifests (the consumer test itself holds the
 * list to what `pnpm pack` packs): the globs of `pnpm-workspace.yaml`, and a publishable set another team can
 * install on its own — no publishable package depends on a private one.
 */
import { assert, describe, it } from "@effect/vitest"
import { publishablePackages, workspaceGlobs, workspacePackages } from "./PublishablePackages.ts"

describe("workspaceGlobs", () => {
  it("reads the packages list, quoted or not, and stops at the next key", () => {
    const yaml = "packages:\n  - packages/*\n  - \"vendors/*/adapter\"\n  - 'apps/*'\ncatalog:\n  - not/this\n"
    assert.deepStrictEqual(workspaceGlobs(yaml), ["packages/*", "vendors/*/adapter", "apps/*"])
    assert.deepStrictEqual(workspaceGlobs("catalog:\n  effect: 4.1.0\n"), [])
  })
})

describe("workspacePackages", () => {
  const all = workspacePackages()
  const byName = new Map(all.map((entry) => [entry.name, entry]))

  it("finds each package once, this one private among them", () => {
    assert.strictEqual(byName.size, all.length)
    assert.isTrue(byName.get("@contactkit/consumer-test")?.private)
    assert.isFalse(byName.get("@contactkit/domain")?.private)
  })

  it("every workspace dependency of a publishable package is a publishable workspace package", () => {
    const publishable = new Set(publishablePackages())
    for (const entry of all.filter((candidate) => !candidate.private)) {
      for (const dependency of entry.workspaceDependencies) {
        assert.isTrue(publishable.has(dependency), `${entry.name} depends on ${dependency}`)
      }
    }
    assert.isTrue(all.some((entry) => !entry.private && entry.workspaceDependencies.length > 0))
  })
})
