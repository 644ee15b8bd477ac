/**
 * The two readings of a vendor's `Capabilities` (see the header of `Capabilities.ts`):
 *
 * - `validate`: would this vendor accept the draft? It fails with every problem at once, each
 *   at its domain path — `InvalidContact` when any value rule is broken (too long, missing,
 *   no E.164), otherwise `Unsupported` (a kind, service, count or duplicate it cannot hold).
 * - `project`: what would come back from this vendor. It is total: what `validate` would
 *   reject is dropped and listed among the losses at the same path, next to what the vendor
 *   merely flattens (labels, contexts, features, name components…).
 *
 * Both are computed by one walk over the contact, so they cannot disagree: `validate(c)`
 * fails exactly when `project(c).rejected` is non-empty, with exactly those issues.
 */
import { Effect } from "effect"
import type { Capabilities, FieldRule } from "./Capabilities.ts"
import { type ContactDraft, type Name, nameComponents, type Organization, organizationComponents } from "./Contact.ts"
import { InvalidContact, type Issue, Unsupported } from "./ContactError.ts"
import { type ContactField, type FieldKind, fieldKinds, withE164 } from "./ContactField.ts"
import { draftIssues } from "./Decode.ts"
import { defaultRegion, toE164 } from "./PhoneNumber.ts"

/** A problem `validate` reports, and which reason it belongs to. */
export interface Rejection extends Issue {
  readonly reason: "InvalidContact" | "Unsupported"
}

export interface Projection<A> {
  /** What the vendor would return. */
  readonly contact: A
  /** Everything dropped or changed on the way, including what `validate` would reject. */
  readonly losses: ReadonlyArray<Issue>
  /**
   * What `validate` would reject. All of them are also losses, except a missing required name
   * component: nothing can be dropped to repair that one.
   */
  readonly rejected: ReadonlyArray<Rejection>
  /** For each field of `contact`, its index among the input's fields. */
  readonly origins: ReadonlyArray<number>
}

/** Value keys a field cannot exist without; always kept whatever the rule says. */
const structural: Record<FieldKind, ReadonlyArray<string>> = {
  Email: ["address"],
  Phone: ["number"],
  Address: [],
  OnlineService: ["service"],
  Link: ["uri"]
}
const common = new Set(["_tag", "id", "label", "context", "preferred"])

type Path = ReadonlyArray<string | number>
type Rule = FieldRule<FieldKind>
type Mutable = Record<string, unknown>

interface Walk {
  readonly losses: Array<Issue>
  readonly rejected: Array<Rejection>
}

const reject = (walk: Walk, path: Path, message: string, reason: Rejection["reason"], dropped = true) => {
  walk.rejected.push({ path, message, reason })
  if (dropped) walk.losses.push({ path, message })
}

const quoteList = (values: ReadonlyArray<string>) => values.map((v) => JSON.stringify(v)).join(", ")

/** The generic rules of one field: what the vendor keeps of it. */
const flatten = (
  vendor: string,
  rule: Rule,
  field: ContactField,
  path: Path,
  walk: Walk
): readonly [ContactField, ReadonlyArray<Issue>] => {
  const out: Mutable = { _tag: field._tag }
  const lose = (key: string, message: string) => walk.losses.push({ path: [...path, key], message })
  if (field.id !== undefined && rule.fieldIds) out.id = field.id
  const keeps = rule.keeps as ReadonlyArray<string>
  for (const [key, value] of Object.entries(field)) {
    if (common.has(key) || key === "e164" || value === undefined) continue
    if (!keeps.includes(key) && !structural[field._tag].includes(key)) {
      if (Array.isArray(value) && value.length === 0) continue
      lose(key, `${vendor} does not keep ${key}`)
      continue
    }
    if (key === "features" && rule.features !== undefined) {
      const features = value as ReadonlyArray<string>
      const dropped = features.filter((f) => !(rule.features as ReadonlyArray<string>).includes(f))
      if (dropped.length > 0) lose(key, `${vendor} does not keep the phone features ${quoteList(dropped)}`)
      out[key] = features.filter((f) => !dropped.includes(f))
    } else if (key === "kind" && rule.linkKinds !== undefined && !rule.linkKinds.includes(value as never)) {
      lose(key, `${vendor} does not keep the link kind ${JSON.stringify(value)}`)
    } else {
      out[key] = value
    }
  }
  if (field._tag === "Phone") {
    // E.164 is derived from the number on the way back, so only a differing given form is a loss.
    const e164 = keeps.includes("e164") && field.e164 !== undefined ? field.e164 : toE164(field.number, defaultRegion)
    if (e164 !== undefined) out.e164 = e164
    if (field.e164 !== undefined && field.e164 !== e164) {
      lose("e164", `${vendor} derives E.164 from the number itself`)
    }
  }
  if (field.label !== undefined) {
    const labels = rule.labels
    if (labels._tag === "None") lose("label", `${vendor} keeps no labels`)
    else if (labels._tag === "Free") {
      if (field.label.length <= labels.maxLength) out.label = field.label
      else lose("label", `${vendor} keeps labels of at most ${labels.maxLength} characters`)
    } else {
      const canonical = labels.values.find((v) => v.toLowerCase() === field.label?.toLowerCase())
      if (canonical !== undefined) out.label = canonical
      else lose("label", `${vendor} keeps only the labels ${quoteList(labels.values)}`)
    }
  }
  if (field.context !== undefined) {
    if (rule.contexts.includes(field.context)) out.context = field.context
    else lose("context", `${vendor} does not keep the context ${JSON.stringify(field.context)}`)
  }
  // `preferred: false` says no more than leaving it out, so what comes back is `true` or nothing.
  if (field.preferred === true) {
    if (rule.preferred) out.preferred = true
    else lose("preferred", `${vendor} does not keep which field is preferred`)
  }
  const flat = out as ContactField
  if (rule.normalize === undefined) return [flat, []]
  const normalized = (rule.normalize as (f: ContactField) => ReturnType<NonNullable<Rule["normalize"]>>)(flat)
  for (const loss of normalized.losses) walk.losses.push({ path: [...path, ...loss.path], message: loss.message })
  const refused = (normalized.rejected ?? []).map((issue) => ({
    path: [...path, ...issue.path],
    message: issue.message
  }))
  return [normalized.field, refused]
}

/** The value rules of one kept field; each broken one is an `InvalidContact` issue. */
const valueIssues = (vendor: string, rule: Rule, field: ContactField, path: Path): ReadonlyArray<Issue> => {
  const issues: Array<Issue> = []
  const values = field as unknown as Mutable
  for (const key of (rule.requires ?? []) as ReadonlyArray<string>) {
    if (values[key] === undefined) issues.push({ path: [...path, key], message: `is required by ${vendor}` })
  }
  if (rule.maxLength !== undefined) {
    for (const [key, value] of Object.entries(values)) {
      // E.164 is derived, never sent as typed; the number it comes from is checked instead.
      if (common.has(key) || key === "e164" || typeof value !== "string" || value.length <= rule.maxLength) continue
      issues.push({ path: [...path, key], message: `must be at most ${rule.maxLength} characters for ${vendor}` })
    }
  }
  const oneOf = (rule.requiresOneOf ?? []) as ReadonlyArray<string>
  if (oneOf.length > 0 && oneOf.every((key) => values[key] === undefined)) {
    issues.push({ path, message: `needs one of ${oneOf.join(", ")} for ${vendor}` })
  }
  if (field._tag === "Phone" && rule.requiresE164 === true && field.e164 === undefined) {
    issues.push({
      path: [...path, "number"],
      message: `must be a phone number with an E.164 form (such as +12025550123) for ${vendor}`
    })
  }
  return issues
}

/** What two fields of one kind may not share under `uniqueBy`. */
const uniqueKey = (rule: Rule, field: ContactField): string => {
  if (rule.uniqueBy === "context") return field.context ?? ""
  if (rule.uniqueBy === "type") return (rule.typeOf as ((f: ContactField) => string) | undefined)?.(field) ?? ""
  switch (field._tag) {
    case "Email":
      return field.address.toLowerCase()
    case "Phone":
      return field.e164 ?? field.number
    case "Address":
      return JSON.stringify([
        field.street,
        field.locality,
        field.region,
        field.postcode,
        field.country,
        field.countryCode
      ])
    case "OnlineService":
      return JSON.stringify([field.service, field.user, field.uri])
    case "Link":
      return field.uri
  }
}

interface Kept {
  readonly field: ContactField
  readonly origin: number
}

const projectFields = (capabilities: Capabilities, fields: ReadonlyArray<ContactField>, walk: Walk) => {
  const vendor = capabilities.vendor
  const kept: Array<Kept> = []
  const seen = new Map<string, number>()
  const counts = new Map<FieldKind, number>()
  fields.forEach((field, index) => {
    const path: Path = ["fields", index]
    const rule = capabilities.fields[field._tag] as Rule
    if (!rule.writable) return reject(walk, path, `${vendor} cannot store ${field._tag} fields`, "Unsupported")
    if (field._tag === "OnlineService" && rule.services !== undefined && !rule.services.includes(field.service)) {
      const message = `${vendor} does not support the service ${JSON.stringify(field.service)}` +
        (rule.services.length > 0 ? ` (only ${quoteList(rule.services)})` : "")
      return reject(walk, [...path, "service"], message, "Unsupported")
    }
    const [flat, refused] = flatten(vendor, rule, field, path, walk)
    const issues = [...refused, ...valueIssues(vendor, rule, flat, path)]
    if (issues.length > 0) return issues.forEach((i) => reject(walk, i.path, i.message, "InvalidContact"))
    if (rule.uniqueBy !== undefined) {
      const unique = uniqueKey(rule, flat)
      const key = `${field._tag}\u0000${unique}`
      const first = seen.get(key)
      if (first !== undefined) {
        const message = rule.uniqueBy === "context"
          ? `${vendor} keeps one ${field._tag} per context, and fields[${first}] has the same context`
          : rule.uniqueBy === "type"
          ? `${vendor} keeps one ${field._tag} per type, and fields[${first}] is also of type ${JSON.stringify(unique)}`
          : `${vendor} keeps each ${field._tag} once, and fields[${first}] has the same value`
        return reject(walk, path, message, "Unsupported")
      }
      seen.set(key, index)
    }
    const count = (counts.get(field._tag) ?? 0) + 1
    if (rule.maxCount !== undefined && count > rule.maxCount) {
      return reject(walk, path, `${vendor} keeps at most ${rule.maxCount} ${field._tag} fields`, "Unsupported")
    }
    counts.set(field._tag, count)
    if (!rule.readable) {
      walk.losses.push({ path, message: `${vendor} stores ${field._tag} fields but never returns them` })
      return
    }
    kept.push({ field: flat, origin: index })
  })
  for (const kind of fieldKinds) {
    const min = capabilities.fields[kind].minCount ?? 0
    if ((counts.get(kind) ?? 0) < min) {
      reject(
        walk,
        ["fields"],
        `${vendor} needs at least ${min} ${kind} field${min === 1 ? "" : "s"}`,
        "InvalidContact",
        false
      )
    }
  }
  const preferredOnce = singlePreferred(capabilities, kept, walk)
  const order = capabilities.fieldOrder
  if (order === undefined) return preferredOnce
  // Typed-array vendors return fields grouped by kind; Array.prototype.sort is stable within a kind.
  const groups = capabilities.serviceOrder ?? []
  const rank = (field: ContactField) => {
    const kind = order.includes(field._tag) ? order.indexOf(field._tag) : order.length
    if (field._tag !== "OnlineService" || groups.length === 0) return kind * (groups.length + 1)
    const group = groups.findIndex((services) => services.includes(field.service))
    return kind * (groups.length + 1) + (group === -1 ? groups.length : group)
  }
  return preferredOnce.sort((a, b) => rank(a.field) - rank(b.field))
}

/** `singlePreferred` kinds: the first field marked preferred keeps it, else the first field gets it. */
const singlePreferred = (capabilities: Capabilities, kept: ReadonlyArray<Kept>, walk: Walk): Array<Kept> => {
  const out = [...kept]
  for (const kind of Object.keys(capabilities.fields) as Array<FieldKind>) {
    const rule = capabilities.fields[kind] as Rule
    if (rule.singlePreferred !== true || !rule.preferred) continue
    const indexes = out.flatMap((k, i) => (k.field._tag === kind ? [i] : []))
    const winner = indexes.find((i) => out[i]!.field.preferred === true) ?? indexes[0]
    for (const i of indexes) {
      const { field, origin } = out[i]!
      if (i === winner) out[i] = { field: { ...field, preferred: true }, origin }
      else if (field.preferred === true) {
        const { preferred: _, ...rest } = field
        out[i] = { field: rest as ContactField, origin }
        const message = `${capabilities.vendor} keeps one preferred ${kind}`
        walk.losses.push({ path: ["fields", origin, "preferred"], message })
      }
    }
  }
  return out
}

const projectComponents = <K extends string>(
  capabilities: Capabilities,
  part: "name" | "organization",
  value: Partial<Record<K, string>>,
  kept: ReadonlyArray<K>,
  all: ReadonlyArray<K>,
  walk: Walk
): Partial<Record<K, string>> => {
  const out: Partial<Record<K, string>> = {}
  const max = capabilities.nameMaxLength
  for (const component of all) {
    const text = value[component]
    if (text === undefined) continue
    const path = [part, component]
    if (!kept.includes(component)) {
      walk.losses.push({ path, message: `${capabilities.vendor} does not keep ${component}` })
    } else if (max !== undefined && text.length > max) {
      reject(walk, path, `must be at most ${max} characters for ${capabilities.vendor}`, "InvalidContact")
    } else out[component] = text
  }
  return out
}

/** Value keys that are text (not `service`, `kind` or `features`). */
const textKeys = new Set(["address", "number", "street", "locality", "region", "postcode", "country", "user", "uri"])

/**
 * For a vendor that trims every text (`trimsText`): the contact as it would store it, with the
 * trimmed spaces named as losses, blank optional texts dropped, and a blank required value
 * rejected. Paths are unchanged, so the rest of `project` reports against the caller's contact.
 */
const trimmed = <A extends ContactDraft>(capabilities: Capabilities, contact: A, walk: Walk): A => {
  const vendor = capabilities.vendor
  const trimText = (path: Path, text: string, required: boolean): string | undefined => {
    const trim = text.trim()
    if (trim === text) return text
    if (trim === "" && required) {
      reject(walk, path, `is blank once ${vendor} trims it`, "InvalidContact", false)
      return text
    }
    walk.losses.push({ path, message: `${vendor} trims surrounding whitespace` })
    return trim === "" ? undefined : trim
  }
  const components = <K extends string>(part: "name" | "organization", value: Partial<Record<K, string>>) => {
    const out: Partial<Record<K, string>> = {}
    for (const [key, text] of Object.entries(value) as Array<[K, string | undefined]>) {
      const kept = text === undefined ? undefined : trimText([part, key], text, false)
      if (kept !== undefined) out[key] = kept
    }
    return out
  }
  const name = components("name", contact.name)
  const organization = components("organization", contact.organization)
  const fields = contact.fields.map((field, index) => {
    const out: Mutable = {}
    for (const [key, value] of Object.entries(field)) {
      const text = typeof value === "string" && (textKeys.has(key) || key === "label")
      const kept = text ? trimText(["fields", index, key], value, structural[field._tag].includes(key)) : value
      if (kept !== undefined) out[key] = kept
    }
    return out as ContactField
  })
  return { ...contact, name, organization, fields }
}

/** The name and organisation as the vendor's own `normalizeParts` reads them, its losses recorded. */
const readParts = (capabilities: Capabilities, contact: ContactDraft, walk: Walk) => {
  if (capabilities.normalizeParts === undefined) return { name: contact.name, organization: contact.organization }
  const parts = capabilities.normalizeParts({ name: contact.name, organization: contact.organization })
  walk.losses.push(...parts.losses)
  return parts
}

/** What survives a round trip through a vendor with these capabilities, and what does not. */
export const project = <A extends ContactDraft>(capabilities: Capabilities, given: A): Projection<A> => {
  const walk: Walk = { losses: [], rejected: [] }
  const vendor = capabilities.vendor
  const contact = capabilities.trimsText === true ? trimmed(capabilities, given, walk) : given
  let kind = contact.kind
  const fallback = capabilities.kinds[0]
  if (!capabilities.kinds.includes(kind) && fallback !== undefined) {
    walk.losses.push({ path: ["kind"], message: `${vendor} stores every contact as ${JSON.stringify(fallback)}` })
    kind = fallback
  }
  const parts = readParts(capabilities, contact, walk)
  const name: Name = projectComponents(capabilities, "name", parts.name, capabilities.name, nameComponents, walk)
  for (const component of capabilities.requiredName ?? []) {
    if (parts.name[component] === undefined) {
      reject(walk, ["name", component], `is required by ${vendor}`, "InvalidContact", false)
    }
  }
  const organization: Organization = projectComponents(
    capabilities,
    "organization",
    parts.organization,
    capabilities.organization,
    organizationComponents,
    walk
  )
  const kept = projectFields(capabilities, contact.fields, walk)
  return {
    contact: { ...contact, kind, name, organization, fields: kept.map((k) => k.field) },
    losses: walk.losses,
    rejected: walk.rejected,
    origins: kept.map((k) => k.origin)
  }
}

/** The `Issue`s of rejections, without the reason they were sorted by. */
export const rejectionIssues = (rejected: ReadonlyArray<Rejection>): ReadonlyArray<Issue> =>
  rejected.map(({ message, path }) => ({ path, message }))

/**
 * Whether a vendor would accept the draft; succeeds with the draft, phones' E.164 derived.
 * The port is typed, but a caller can still build a value the domain Schemas reject (an empty
 * number, an address that is no e-mail address), so the Schemas are checked here too: every
 * Schema issue and every capability rejection is reported together.
 */
export const validate = <A extends ContactDraft>(
  capabilities: Capabilities,
  draft: A
): Effect.Effect<A, InvalidContact | Unsupported> => {
  const schemaIssues = draftIssues(draft)
  const { rejected } = project(capabilities, draft)
  if (schemaIssues.length === 0 && rejected.length === 0) {
    return Effect.succeed({ ...draft, fields: draft.fields.map((f) => withE164(f)) })
  }
  const issues = [...schemaIssues, ...rejectionIssues(rejected)]
  return Effect.fail(
    schemaIssues.length > 0 || rejected.some((r) => r.reason === "InvalidContact")
      ? new InvalidContact({ issues })
      : new Unsupported({ issues })
  )
}
