/**
 * Drafts the suite sends, built from a vendor's Capabilities so that every writable field kind
 * is exercised without tripping a rule the vendor enforces (those have scenarios of their own).
 */
import {
  type Capabilities,
  type Contact,
  type ContactDraft,
  type ContactField,
  type FieldKind,
  fieldKinds,
  type LabelRule,
  project,
  services
} from "@contactkit/domain"

const phoneNumbers = ["(202) 555-0143", "(415) 555-0172", "(312) 555-0109", "(617) 555-0187", "(718) 555-0135"]

/** A label the vendor keeps (so a read that drops labels is caught), or none if it keeps none. */
const sampleLabel = (labels: LabelRule, n: number): string | undefined => {
  switch (labels._tag) {
    case "None":
      return undefined
    case "Free":
      return `Desk ${n}`.slice(0, labels.maxLength)
    case "Enum":
      return labels.values[n % Math.max(labels.values.length, 1)]
  }
}

/**
 * One field of `kind` that any vendor able to write the kind should accept, labelled where the vendor keeps labels.
 * `tag` names the e-mail address (`<tag><n>@example.com`), so the suite's e-mails never collide across contacts —
 * some vendors hold each address once in the whole account.
 */
export const sampleField = (capabilities: Capabilities, kind: FieldKind, n: number, tag = "person"): ContactField => {
  const rule = capabilities.fields[kind]
  const context = rule.contexts[n % Math.max(rule.contexts.length, 1)]
  const label = sampleLabel(rule.labels, n)
  const common = { ...(context === undefined ? {} : { context }), ...(label === undefined ? {} : { label }) }
  switch (kind) {
    case "Email":
      return { _tag: "Email", ...common, address: `${tag}${n}@example.com` }
    case "Phone":
      return { _tag: "Phone", ...common, number: phoneNumbers[n % phoneNumbers.length]! }
    case "Address":
      return {
        _tag: "Address",
        ...common,
        street: `${10 + n} Main Street`,
        locality: "Springfield",
        region: "IL",
        postcode: "62701",
        country: "United States",
        countryCode: "US"
      }
    case "OnlineService":
      return {
        _tag: "OnlineService",
        ...common,
        service: capabilities.fields.OnlineService.services?.[0] ?? "twitter",
        user: `person${n}`
      }
    case "Link":
      return { _tag: "Link", ...common, uri: `https://example.com/person${n}`, kind: "website" }
  }
}

export const writableKinds = (capabilities: Capabilities): ReadonlyArray<FieldKind> =>
  fieldKinds.filter((kind) => capabilities.fields[kind].writable)

/** A contact using every writable kind, up to two of each where the vendor allows two (in two contexts where it must). */
export const sampleDraft = (capabilities: Capabilities, n: number): ContactDraft => {
  const fields: Array<ContactField> = []
  for (const kind of writableKinds(capabilities)) {
    const rule = capabilities.fields[kind]
    const perContext = rule.uniqueBy === "context" ? Math.max(rule.contexts.length, 1) : 2
    const count = Math.min(rule.maxCount ?? 2, perContext, 2)
    for (let i = 0; i < count; i++) fields.push(sampleField(capabilities, kind, n * 2 + i, "draft"))
  }
  return {
    kind: "individual",
    name: { prefix: "Dr.", given: `Ada${n}`, middle: "King", family: "Lovelace", nickname: "Countess" },
    organization: { name: "Analytical Engines Ltd", department: "Research", title: "Mathematician" },
    fields
  }
}

/**
 * The fields a vendor requires of every contact (`minCount`: an e-mail, for a vendor that cannot hold a contact
 * without one); none for most vendors. What a draft "without fields" must still carry.
 */
export const requiredFields = (capabilities: Capabilities, n: number, tag = "required"): ReadonlyArray<ContactField> =>
  writableKinds(capabilities).flatMap((kind) =>
    Array.from(
      { length: capabilities.fields[kind].minCount ?? 0 },
      (_, i) => sampleField(capabilities, kind, n * 2 + i, tag)
    )
  )

/** `fields` with the required fields of each kind it lacks added after them (numbered from `n`, named by `tag`). */
export const withRequired = (
  capabilities: Capabilities,
  fields: ReadonlyArray<ContactField>,
  n: number,
  tag = "generated"
) => {
  const missing = requiredFields(capabilities, n, tag).filter((field, i, all) =>
    fields.filter((f) => f._tag === field._tag).length + all.slice(0, i).filter((f) => f._tag === field._tag).length <
      (capabilities.fields[field._tag].minCount ?? 0)
  )
  return [...fields, ...missing]
}

/**
 * A draft with unicode in every name part, the given name at the vendor's maximum length, and
 * one field value at the longest the vendor accepts for it.
 */
export const unicodeDraft = (capabilities: Capabilities): ContactDraft => {
  const max = Math.min(capabilities.nameMaxLength ?? 255, 255)
  const long = "Zoë李".repeat(Math.ceil(max / 4)).slice(0, max)
  const fields: Array<ContactField> = []
  const link = capabilities.fields.Link
  const email = capabilities.fields.Email
  if (link.writable) {
    const length = Math.min(link.maxLength ?? 255, 255)
    fields.push({ _tag: "Link", uri: `https://example.com/${"ü".repeat(length - 20)}` })
  } else if (email.writable) {
    const length = Math.min(email.maxLength ?? 254, 254)
    fields.push({ _tag: "Email", address: `${"a".repeat(length - 12)}@example.com` })
  }
  return {
    kind: "individual",
    name: { given: long, family: "Ñúñez-Østergård 🚀" },
    organization: { name: "Société Générale d'Électricité" },
    fields: withRequired(capabilities, fields, 0, "unicode")
  }
}

/** What is compared in a round trip: vendor-assigned ids, timestamps and the raw record are not. */
export const comparable = (contact: Contact | ContactDraft): ContactDraft => ({
  kind: contact.kind,
  name: contact.name,
  organization: contact.organization,
  fields: contact.fields.map(({ id: _id, ...field }) => field as ContactField)
})

/**
 * A generated draft cut down to what the vendor accepts: what `validate` would refuse is dropped
 * (that is what `project` removes), and a required name component or field that is missing is filled in
 * (the fields numbered from `n`, so two drafts' required e-mails differ).
 */
export const storable = (capabilities: Capabilities, draft: ContactDraft, n = 0): ContactDraft => {
  const { contact } = project(capabilities, draft)
  const name = { ...contact.name }
  for (const component of capabilities.requiredName ?? []) name[component] ??= "Required"
  return {
    ...draft,
    name: { ...draft.name, ...name },
    fields: withRequired(capabilities, storableFields(capabilities, draft.fields), n)
  }
}

/** The fields the vendor does not refuse, as written (not as projected). */
export const storableFields = (
  capabilities: Capabilities,
  fields: ReadonlyArray<ContactField>
): ReadonlyArray<ContactField> => {
  const { origins } = project(capabilities, { kind: "individual", name: {}, organization: {}, fields })
  return origins.map((origin) => fields[origin]!)
}

/**
 * A draft the vendor cannot hold: a kind it cannot write, one field more than it allows, an online service it
 * does not offer, or two fields sharing what it keeps unique; none if it holds all of those.
 */
export const unsupportedDraft = (capabilities: Capabilities): ContactDraft | undefined => {
  const base = sampleDraft(capabilities, 0)
  const unwritable = (["OnlineService", "Link", "Address", "Phone", "Email"] as const).find((kind) =>
    !capabilities.fields[kind].writable
  )
  if (unwritable !== undefined) {
    return { ...base, fields: [...base.fields, sampleField(capabilities, unwritable, 1)] }
  }
  const bounded = writableKinds(capabilities).find((kind) => capabilities.fields[kind].maxCount !== undefined)
  if (bounded !== undefined) {
    const max = capabilities.fields[bounded].maxCount!
    const extra = Array.from({ length: max + 1 }, (_, i) => sampleField(capabilities, bounded, 100 + i))
    return { ...base, fields: [...base.fields.filter((f) => f._tag !== bounded), ...extra] }
  }
  const offered = capabilities.fields.OnlineService.services
  const refused = offered === undefined ? undefined : services.find((service) => !offered.includes(service))
  if (refused !== undefined) {
    const field = sampleField(capabilities, "OnlineService", 1)
    return { ...base, fields: [...base.fields, { ...field, service: refused } as ContactField] }
  }
  // Two fields sharing what the vendor keeps unique (the same field twice shares its value and its context).
  const unique = writableKinds(capabilities).find((kind) => capabilities.fields[kind].uniqueBy !== undefined)
  if (unique === undefined) return undefined
  const twice = sampleField(capabilities, unique, 100)
  return { ...base, fields: [...base.fields.filter((f) => f._tag !== unique), twice, twice] }
}
