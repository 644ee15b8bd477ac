/**
 * An address book through vCard: `export A --format vcard` into `import B --format vcard`. The dry run names each
 * kind of field B cannot store that the cards hold (read off the exported file, not from the CLI) and writes
 * nothing; the import itself creates one contact per card at B, and a rerun with the same state file none.
 */
import { fieldKinds } from "@contactkit/domain"
import { assert, layer } from "@effect/vitest"
import { Effect } from "effect"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { admin, contactkit, contactsAt, mocksLayer, requestsAt } from "./CliHarness.ts"
import { tempDir } from "./TempDir.ts"
import { source, target } from "./Vendors.ts"

/** The vCard properties each field kind is written as. */
const propertiesOf = {
  Email: ["EMAIL"],
  Phone: ["TEL"],
  Address: ["ADR"],
  OnlineService: ["IMPP", "SOCIALPROFILE"],
  Link: ["URL"]
} as const

// The exporter is the copy tests' target, the importer their source: the other way round.
const exporter = target
const importer = source

layer(mocksLayer, { timeout: "60 seconds", excludeTestServices: true })(
  `vCard from ${exporter.name} into ${importer.name}`,
  (it) => {
    it.effect("export vcard, import --dry-run names each loss, then the import writes each card once", () =>
      Effect.gen(function*() {
        yield* admin(exporter, "POST", "/reset")
        yield* admin(exporter, "POST", "/seed")
        const dir = tempDir("contactkit-vcard-")
        const file = join(dir, "book.vcf")
        const exported = yield* contactkit("export", exporter.name, "--format", "vcard", "--out", file)
        assert.strictEqual(exported.code, 0, exported.stderr)
        const text = readFileSync(file, "utf8")
        const cards = text.split("BEGIN:VCARD").length - 1
        assert.strictEqual(cards, (yield* contactsAt(exporter)).length)

        const lines = text.split("\r\n").map((line) => line.replace(/^ITEM\d+\./u, ""))
        const lostKinds = fieldKinds.filter((kind) =>
          !importer.capabilities.fields[kind].writable &&
          lines.some((line) =>
            propertiesOf[kind].some((name) => line.startsWith(`${name};`) || line.startsWith(`${name}:`))
          )
        )
        assert.isNotEmpty(lostKinds, "the demo data holds something the importer cannot store")

        yield* admin(importer, "DELETE", "/requests")
        const dry = yield* contactkit("import", importer.name, "--in", file, "--format", "vcard", "--dry-run")
        assert.strictEqual(dry.code, 0, dry.stderr)
        assert.include(dry.stdout, `${cards} contacts read`)
        for (const kind of lostKinds) assert.match(dry.stdout, new RegExp(`^    ${kind}: `, "mu"))
        assert.deepStrictEqual((yield* requestsAt(importer)).filter((r) => r.method !== "GET"), [])

        const before = yield* contactsAt(importer)
        const state = join(dir, "state.sqlite")
        const run = yield* contactkit("import", importer.name, "--in", file, "--state", state)
        assert.strictEqual(run.code, 0, run.stdout + run.stderr)
        const added = (yield* contactsAt(importer)).length - before.length
        assert.strictEqual(added, cards)
        const rerun = yield* contactkit("import", importer.name, "--in", file, "--state", state)
        assert.strictEqual(rerun.code, 0)
        assert.strictEqual((yield* contactsAt(importer)).length - before.length, cards)
      }))
  }
)
