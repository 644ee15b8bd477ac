/**
 * A vendor's story lives in its folder: its name appears in source nowhere else but this registry. Prose (Markdown,
 * `docs/`) and the lockfile may name vendors; code, configuration and package manifests may not, so adding a
 * vendor is its folder plus one registry line.
 */
import { assert, describe, it } from "@effect/vitest"
import { execFileSync } from "node:child_process"
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { vendors } from "../src/index.ts"

const root = fileURLToPath(new URL("../../../", import.meta.url))
const registryFolder = "packages/registry/"

/** Tracked files and untracked ones git does not ignore: what a commit would hold. */
const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
  cwd: root,
  encoding: "utf8"
}).split("\n").filter((file) => file !== "" && existsSync(`${root}${file}`))

const isProse = (file: string) => file.endsWith(".md") || file.startsWith("docs/") || file === "pnpm-lock.yaml"

/**
 * Generated from the registry (`contactkit env --mocks`), and checked to equal what the command prints
 * (apps/cli/test/EnvExample.test.ts): the one file outside the vendor folders that lists every vendor's variables.
 */
const generatedFromRegistry = (file: string) => file === ".env.example"

/** How a vendor's name can be written: `deskpro-legacy`, `deskpro legacy`, `deskprolegacy`, `phone.com`. */
const spellings = (name: string, displayName: string): ReadonlyArray<string> => [
  ...new Set([name, name.replaceAll("-", " "), name.replaceAll("-", ""), displayName.toLowerCase()])
]

const vendorFolders = readdirSync(`${root}vendors`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
/** A folder becomes a vendor with its package (its registry entry); before that it is work in progress. */
const vendorPackages = vendorFolders.filter((folder) => existsSync(`${root}vendors/${folder}/package.json`))

describe("vendor names", () => {
  it("every registered vendor has its folder, and every vendor package is registered", () => {
    assert.sameMembers(vendors.map((vendor) => vendor.name), vendorPackages)
  })

  for (const vendor of vendors) {
    it(`${vendor.name} is named only in its own folder and the registry`, () => {
      // A vendor folder whose name contains this vendor's (a legacy API beside the current one) may name it too.
      const own = vendorFolders.filter((folder) => folder.includes(vendor.name)).map((folder) => `vendors/${folder}/`)
      const words = spellings(vendor.name, vendor.displayName)
      const leaks = files
        .filter((file) =>
          !isProse(file) && !generatedFromRegistry(file) && !file.startsWith(registryFolder) &&
          !own.some((f) => file.startsWith(f))
        )
        .filter((file) => {
          const text = readFileSync(`${root}${file}`, "utf8").toLowerCase()
          return words.some((word) => text.includes(word))
        })
      assert.deepStrictEqual(leaks, [], `${vendor.name} is named outside vendors/${vendor.name}/ and the registry`)
    })
  }
})
