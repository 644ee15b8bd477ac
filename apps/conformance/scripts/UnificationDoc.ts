/**
 * Keeps the field × vendor matrix in `docs/unification.md` generated from the registry's
 * Capabilities, between two markers, so the document cannot drift from the code:
 * `pnpm --filter @contactkit/conformance docs` rewrites it, and a test fails while it is stale.
 */
import { lossless } from "@contactkit/domain"
import { vendors } from "@contactkit/registry"
import { readFileSync, writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { fidelityMatrix } from "../src/FidelityMatrix.ts"

export const docPath = fileURLToPath(new URL("../../../docs/unification.md", import.meta.url))
const start = "<!-- fidelity-matrix:start (generated from Capabilities: pnpm --filter @contactkit/conformance docs) -->"
const end = "<!-- fidelity-matrix:end -->"

export const matrixSection = (): string =>
  `${start}\n\n${fidelityMatrix([lossless, ...vendors.map((vendor) => vendor.capabilities)])}\n\n${end}`

/** The document with its generated section replaced (appended if the markers are missing). */
export const withMatrix = (doc: string): string => {
  const from = doc.indexOf(start)
  const to = doc.indexOf(end)
  if (from === -1 || to === -1) return `${doc.trimEnd()}\n\n${matrixSection()}\n`
  return `${doc.slice(0, from)}${matrixSection()}${doc.slice(to + end.length)}`
}

export const readDoc = (): string => readFileSync(docPath, "utf8")

if (import.meta.main) {
  writeFileSync(docPath, withMatrix(readDoc()))
  console.log(`updated the fidelity matrix in ${docPath}`)
}
