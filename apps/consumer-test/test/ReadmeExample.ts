/**
 * The README's "Using an adapter" example, read from the README itself so the test runs exactly what a reader
 * copies, and the registry entry of the vendor whose adapter it imports (its variables and their mock values).
 */
import { vendors } from "@contactkit/registry"
import type { Vendor } from "@contactkit/vendor-kit"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { workspaceRoot } from "./ConsumerProject.ts"

export interface ReadmeExample {
  /** The code block, as printed. */
  readonly code: string
  /** The adapter package it imports: `@contactkit/adapter-<vendor>`. */
  readonly adapterPackage: string
  readonly vendor: Vendor
}

export const readmeExample = (): ReadmeExample => {
  const readme = readFileSync(join(workspaceRoot, "README.md"), "utf8")
  const section = readme.split(/^## Using an adapter$/mu)[1]
  const code = section?.match(/```ts\n([\s\S]*?)```/u)?.[1]
  if (code === undefined) throw new Error("README.md has no ```ts block under \"## Using an adapter\"")
  const adapterPackage = code.match(/from "(@contactkit\/adapter-[a-z0-9-]+)"/u)?.[1]
  if (adapterPackage === undefined) throw new Error("the README example imports no @contactkit/adapter-* package")
  const name = adapterPackage.slice("@contactkit/adapter-".length)
  const vendor = vendors.find((entry) => entry.name === name)
  if (vendor === undefined) throw new Error(`the README example's adapter ${adapterPackage} is not registered`)
  return { code, adapterPackage, vendor }
}

/** The vendor's variables as its mock at `origin` expects them (the registry's `mockValue`s). */
export const mockVariables = (vendor: Vendor, origin: string): Record<string, string> =>
  Object.fromEntries(vendor.env.map((variable) => [variable.name, variable.mockValue.replace("{mock}", origin)]))
