/**
 * Decoding unknown input (a request body, a JSON file, a test fixture) into the domain model.
 * Every problem is reported at once as an `InvalidContact` whose issues name the domain path
 * and the broken rule in words a caller can act on; phones get their E.164 form derived.
 */
import { Effect, SchemaIssue, SchemaParser } from "effect"
import type * as Schema from "effect/Schema"
import { ContactDraft, ContactPatch, toDraft } from "./Contact.ts"
import { InvalidContact, type Issue } from "./ContactError.ts"
import { ContactField, withE164 } from "./ContactField.ts"
import type { Region } from "./PhoneNumber.ts"

export interface DecodeOptions {
  /** The region assumed for phone numbers written without a country code (default `US`). */
  readonly region?: Region
}

/** Effect's default messages, reworded where they would read as jargon ("Missing key", a union's AST). */
const leafHook: SchemaIssue.LeafHook = (issue) => {
  switch (issue._tag) {
    case "MissingKey":
      return "is required"
    case "UnexpectedKey":
      return "is not a known property"
    default:
      return SchemaIssue.defaultLeafHook(issue)
  }
}

const formatter = SchemaIssue.makeFormatterStandardSchemaV1({ leafHook })

/**
 * A field whose `_tag` matches no kind fails the whole union, which Effect words as the union's
 * type (`Expected { readonly "_tag": "Email", ... } | …`); the formatter has no hook for that
 * case, so it is reworded here into the list of tags.
 */
const reword = (message: string): string => {
  if (!message.startsWith("Expected { readonly \"_tag\"")) return message
  const tags = [...message.matchAll(/"_tag": ("[^"]+")/gu)].map((m) => m[1])
  return `must be a field with _tag ${tags.join(", ")}`
}

/** Every issue of a failed decode, with a plain domain path (`["fields", 0, "address"]`). */
export const toIssues = (issue: SchemaIssue.Issue): ReadonlyArray<Issue> =>
  formatter(issue).issues.map((i) => ({
    path: (i.path ?? []).map((segment) => {
      const key = typeof segment === "object" ? segment.key : segment
      return typeof key === "number" ? key : String(key)
    }),
    message: reword(i.message)
  }))

const decoder = <S extends Schema.Top & { readonly DecodingServices: never }>(schema: S) => {
  const decode = SchemaParser.decodeUnknownEffect(schema)
  return (input: unknown): Effect.Effect<S["Type"], InvalidContact> =>
    decode(input, { errors: "all" }).pipe(
      Effect.mapError((issue) => new InvalidContact({ issues: toIssues(issue) }))
    )
}

const draftDecoder = decoder(ContactDraft)
const checkDraft = SchemaParser.decodeUnknownExit(ContactDraft)

/** What the domain Schemas find wrong with a draft (none for a well-formed one). */
export const draftIssues = (draft: ContactDraft): ReadonlyArray<Issue> => {
  const exit = checkDraft(toDraft(draft), { errors: "all" })
  return exit._tag === "Success" ?
    [] :
    exit.cause.reasons.flatMap((reason) =>
      reason._tag === "Fail" ? toIssues(reason.error) : [{ path: [], message: String(reason) }]
    )
}
const patchDecoder = decoder(ContactPatch)
const fieldDecoder = decoder(ContactField)

const phonesWithE164 = (fields: ReadonlyArray<ContactField>, options?: DecodeOptions) =>
  fields.map((field) => withE164(field, options?.region))

export const decodeContactDraft = (
  input: unknown,
  options?: DecodeOptions
): Effect.Effect<ContactDraft, InvalidContact> =>
  Effect.map(draftDecoder(input), (draft) => ({ ...draft, fields: phonesWithE164(draft.fields, options) }))

export const decodeContactPatch = (
  input: unknown,
  options?: DecodeOptions
): Effect.Effect<ContactPatch, InvalidContact> =>
  Effect.map(
    patchDecoder(input),
    (patch) => patch.fields === undefined ? patch : { ...patch, fields: phonesWithE164(patch.fields, options) }
  )

export const decodeContactField = (
  input: unknown,
  options?: DecodeOptions
): Effect.Effect<ContactField, InvalidContact> =>
  Effect.map(fieldDecoder(input), (field) => withE164(field, options?.region))
