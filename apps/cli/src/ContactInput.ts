/**
 * Reading contacts from a file (or standard input, spooled to a temporary file so it can be read twice): JSContact
 * (one Card or an array of them), NDJSON (one Card a line) or vCard 3/4 (any number of cards). NDJSON and vCard are
 * read a line at a time; a JSON document is read whole, as JSON must be. Each card becomes an `InputCard` with a
 * key that is the same on every run of the same input (its UID and its content), for the journal.
 */
import { type ContactDraft, decodeCard, formatIssue, type Issue } from "@contactkit/domain"
import { makeVCardSplitter, readVCard } from "@contactkit/vcard"
import { Effect, Stream } from "effect"
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { extname, join } from "node:path"
import { createInterface } from "node:readline"
import { pipeline } from "node:stream/promises"
import { type CliFailure, usageError } from "./CliFailure.ts"
import { fingerprint, sourceDraft } from "./WritePlan.ts"

export const inputFormats = ["jscontact", "ndjson", "vcard"] as const
export type InputFormat = typeof inputFormats[number]

export interface InputCard {
  readonly key: string
  readonly draft: ContactDraft
  /** What the input held that the model cannot (vCard properties), as losses at `["vCard", NAME]`. */
  readonly ignored: ReadonlyArray<Issue>
}

/** A card that could not be read: where it is in the input and why. */
export interface Unreadable {
  readonly at: string
  readonly reason: string
}

export type InputItem = { readonly _tag: "Card"; readonly card: InputCard } | {
  readonly _tag: "Unreadable"
  readonly unreadable: Unreadable
}

/** By extension (.vcf, .ndjson, .json), else by the first character (`B` for BEGIN:VCARD, `[` or `{`). */
export const detectFormat = (path: string): InputFormat => {
  const extension = extname(path).toLowerCase()
  if (extension === ".vcf" || extension === ".vcard") return "vcard"
  if (extension === ".ndjson" || extension === ".jsonl") return "ndjson"
  if (extension === ".json") return "jscontact"
  const start = readFileSync(path, { encoding: "utf8", flag: "r" }).slice(0, 4096).trimStart()
  if (start.toUpperCase().startsWith("BEGIN:VCARD")) return "vcard"
  const firstLine = start.split("\n")[0]?.trim() ?? ""
  return start.startsWith("{") && firstLine.endsWith("}") && start.includes("\n{") ? "ndjson" : "jscontact"
}

/** Standard input copied to a temporary file, removed when the scope ends. */
export const spoolStdin = Effect.acquireRelease(
  Effect.tryPromise({
    try: async () => {
      const dir = mkdtempSync(join(tmpdir(), "contactkit-"))
      const path = join(dir, "stdin")
      await pipeline(process.stdin, createWriteStream(path))
      return { dir, path }
    },
    catch: (error) => usageError(`cannot read standard input: ${(error as Error).message}`)
  }),
  ({ dir }) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
).pipe(Effect.map(({ path }) => path))

const lines = (path: string): Stream.Stream<string, CliFailure> =>
  Stream.fromAsyncIterable(
    createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Infinity }),
    (error) => usageError(`cannot read ${path}: ${(error as Error).message}`)
  )

const issuesText = (issues: ReadonlyArray<Issue>) => issues.map(formatIssue).join("; ")

const inputKey = (uid: string | undefined, draft: ContactDraft) => `${uid ?? "-"}#${fingerprint(draft).slice(0, 16)}`

const fromJSContact = (value: unknown, at: string): Effect.Effect<InputItem> =>
  decodeCard(value).pipe(
    Effect.map((contact): InputItem => {
      const draft = sourceDraft(contact)
      return { _tag: "Card", card: { key: inputKey(contact.id, draft), draft, ignored: [] } }
    }),
    Effect.catch((error) =>
      Effect.succeed<InputItem>({ _tag: "Unreadable", unreadable: { at, reason: issuesText(error.issues) } })
    )
  )

const fromVCardText = (text: string, at: string): Effect.Effect<InputItem> =>
  readVCard(text).pipe(
    Effect.map((read): InputItem => ({
      _tag: "Card",
      card: {
        key: inputKey(read.uid, read.draft),
        draft: read.draft,
        ignored: read.ignored.map((name) => ({ path: ["vCard", name], message: "contactkit does not model it" }))
      }
    })),
    Effect.catch((error) =>
      Effect.succeed<InputItem>({ _tag: "Unreadable", unreadable: { at, reason: issuesText(error.issues) } })
    )
  )

const parseJson = (text: string, at: string): Effect.Effect<unknown, CliFailure> =>
  Effect.try({
    try: () => JSON.parse(text) as unknown,
    catch: (error) => usageError(`${at}: not JSON (${(error as Error).message})`)
  })

/** Every card of the input, in order; may be run again (it reads the file anew). */
export const readInput = (path: string, format: InputFormat): Stream.Stream<InputItem, CliFailure> => {
  switch (format) {
    case "jscontact":
      return Stream.unwrap(Effect.gen(function*() {
        const text = yield* Effect.try({
          try: () => readFileSync(path, "utf8"),
          catch: (error) => usageError(`cannot read ${path}: ${(error as Error).message}`)
        })
        const value = yield* parseJson(text, path)
        const cards = Array.isArray(value) ? value : [value]
        return Stream.fromIterable(cards.map((card, i) => ({ card, i }))).pipe(
          Stream.mapEffect(({ card, i }) => fromJSContact(card, `${path} card ${i + 1}`))
        )
      }))
    case "ndjson":
      return lines(path).pipe(
        Stream.zipWithIndex,
        Stream.filter(([text]) => text.trim() !== ""),
        Stream.mapEffect(([text, i]) =>
          Effect.flatMap(
            parseJson(text, `${path} line ${i + 1}`),
            (value) => fromJSContact(value, `${path} line ${i + 1}`)
          )
        )
      )
    case "vcard":
      return Stream.unwrap(Effect.sync(() => {
        const splitter = makeVCardSplitter()
        let count = 0
        return lines(path).pipe(
          Stream.map((text) => splitter.push(text)),
          Stream.filter((card): card is string => card !== undefined),
          Stream.mapEffect((card) => fromVCardText(card, `${path} card ${++count}`))
        )
      }))
  }
}
