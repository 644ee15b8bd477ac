/**
 * fast-check arbitraries for valid domain values: drafts, contacts, fields and random vendor
 * Capabilities. Every value they produce decodes with the domain Schemas, so property tests
 * (projection, patching, the JSContact codec, an adapter's round trip) exercise the model, not
 * the decoder. Exported as `@contactkit/domain/testing` for other packages' tests.
 */
import fc from "fast-check"
import type { Capabilities, FieldRule, FieldRules, LabelRule, ValueKey } from "../Capabilities.ts"
import {
  type Contact,
  type ContactDraft,
  type ContactPatch,
  type Name,
  nameComponents,
  type Organization,
  organizationComponents
} from "../Contact.ts"
import {
  type Address,
  type ContactField,
  type Email,
  type FieldKind,
  fieldKinds,
  type Link,
  makePhone,
  type OnlineService,
  type Phone,
  services
} from "../ContactField.ts"
import type { ContactId, FieldId } from "../ContactId.ts"

/** Non-empty text without surrounding quirks; includes non-ASCII so unicode is exercised. */
export const textArb = (maxLength = 40): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom("Ada", "Lovelace", "Zoë", "Åsa", "李", "O'Brien", "Jean-Luc", "van der Berg", "Müller"),
    fc.string({ minLength: 1, maxLength })
  )

const optional = <K extends string, A>(key: K, arb: fc.Arbitrary<A>) =>
  fc.option(arb, { nil: undefined }).map((value) =>
    value === undefined ? {} : ({ [key]: value } as { readonly [P in K]: A })
  )

/** Builds a record of optional keys; absent keys are really absent (exactOptionalPropertyTypes). */
const partialRecord = <K extends string>(keys: ReadonlyArray<K>, arb: fc.Arbitrary<string>) =>
  fc.tuple(...keys.map((key) => optional(key, arb))).map((parts) =>
    Object.assign({}, ...parts) as Partial<Record<K, string>>
  )

export const nameArb: fc.Arbitrary<Name> = partialRecord(nameComponents, textArb())
export const organizationArb: fc.Arbitrary<Organization> = partialRecord(organizationComponents, textArb())

const fieldIdArb = fc.stringMatching(/^[a-z0-9]{1,8}$/u).map((s) => s as FieldId)

const commonArb = fc.record({
  id: fc.option(fieldIdArb, { nil: undefined }),
  label: fc.option(fc.oneof(fc.constantFrom("Home", "work", "Mobile", "Main", "Other"), textArb(20)), {
    nil: undefined
  }),
  context: fc.option(fc.constantFrom("home" as const, "work" as const, "other" as const), { nil: undefined }),
  preferred: fc.option(fc.boolean(), { nil: undefined })
}).map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)))

const localPart = fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,15}$/u)
const domain = fc.tuple(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/u), fc.constantFrom("com", "org", "co.uk", "de"))
export const emailAddressArb: fc.Arbitrary<string> = fc.tuple(localPart, domain).map(([l, [d, t]]) => `${l}@${d}.${t}`)

export const emailArb: fc.Arbitrary<Email> = fc.tuple(commonArb, emailAddressArb).map(([common, address]) => ({
  _tag: "Email",
  ...common,
  address
}))

/** Valid US and international numbers, numbers with no E.164 form, and arbitrary digit strings. */
export const phoneNumberArb: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 100, max: 199 }).map((n) => `(202) 555-0${n}`),
  fc.constantFrom("+44 20 7123 4567", "+49 30 901820", "+1 650 253 0000", "415-555-2671", "12", "999", "ext. 12"),
  fc.stringMatching(/^\+?[0-9 ]{3,20}$/u).filter((s) => s.trim().length > 0)
)

const featuresArb = fc.subarray(["voice", "mobile", "fax", "pager", "text"] as const)

export const phoneArb: fc.Arbitrary<Phone> = fc.tuple(commonArb, phoneNumberArb, fc.option(featuresArb)).map((
  [common, number, features]
) => makePhone(number, features === null ? common : { ...common, features }))

export const addressArb: fc.Arbitrary<Address> = fc.tuple(
  commonArb,
  partialRecord(["street", "locality", "region", "country"] as const, textArb()),
  optional("postcode", fc.stringMatching(/^[A-Z0-9 ]{1,10}$/u).filter((s) => s.trim().length > 0)),
  optional("countryCode", fc.constantFrom("US", "GB", "DE", "FR", "JP"))
).map(([common, parts, postcode, countryCode]) => ({
  _tag: "Address",
  ...common,
  ...parts,
  ...postcode,
  ...countryCode
}))

export const uriArb: fc.Arbitrary<string> = fc.tuple(
  fc.constantFrom("https", "http", "xmpp", "skype"),
  fc.stringMatching(/^[a-z0-9./_-]{1,30}$/u)
).map(([scheme, rest]) => `${scheme}:${rest}`)

export const onlineServiceArb: fc.Arbitrary<OnlineService> = fc.tuple(
  commonArb,
  fc.constantFrom(...services),
  optional("user", textArb(30)),
  optional("uri", uriArb)
).map(([common, service, user, uri]) => ({ _tag: "OnlineService", ...common, service, ...user, ...uri }))

export const linkArb: fc.Arbitrary<Link> = fc.tuple(
  commonArb,
  uriArb,
  optional("kind", fc.constantFrom("website" as const, "blog" as const, "profile" as const, "other" as const))
).map(([common, uri, kind]) => ({ _tag: "Link", ...common, uri, ...kind }))

export const contactFieldArb: fc.Arbitrary<ContactField> = fc.oneof(
  emailArb,
  phoneArb,
  addressArb,
  onlineServiceArb,
  linkArb
)

export const contactDraftArb: fc.Arbitrary<ContactDraft> = fc.record({
  kind: fc.constantFrom("individual" as const, "organization" as const),
  name: nameArb,
  organization: organizationArb,
  fields: fc.array(contactFieldArb, { maxLength: 8 })
})

const timestampArb = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 0, 1) }).map((ms) =>
  new Date(ms).toISOString()
)

export const contactIdArb: fc.Arbitrary<ContactId> = fc.stringMatching(/^[A-Za-z0-9-]{1,12}$/u).map((s) =>
  s as ContactId
)

/** A contact as a directory returns it; `remote` is left out (it never round-trips). */
export const contactArb: fc.Arbitrary<Contact> = fc.tuple(
  contactIdArb,
  contactDraftArb,
  optional("createdAt", timestampArb),
  optional("updatedAt", timestampArb)
).map(([id, draft, createdAt, updatedAt]) => ({ id, ...draft, ...createdAt, ...updatedAt }))

const clearableArb = fc.option(textArb(), { nil: null })
const clearableRecordArb = (keys: ReadonlyArray<string>) =>
  fc.tuple(...keys.map((key) => optional(key, clearableArb))).map((parts) =>
    Object.assign({}, ...parts) as Record<string, string | null>
  )

export const contactPatchArb: fc.Arbitrary<ContactPatch> = fc.tuple(
  optional("kind", fc.constantFrom("individual" as const, "organization" as const)),
  optional("name", clearableRecordArb(nameComponents)),
  optional("organization", clearableRecordArb(organizationComponents)),
  optional("fields", fc.array(contactFieldArb, { maxLength: 4 }))
).map(([kind, name, organization, fields]) => ({ ...kind, ...name, ...organization, ...fields }) as ContactPatch)

// ---- Capabilities -------------------------------------------------------------------------

const valueKeys: { readonly [K in FieldKind]: ReadonlyArray<ValueKey<K>> } = {
  Email: ["address"],
  Phone: ["number", "e164", "features"],
  Address: ["street", "locality", "region", "postcode", "country", "countryCode"],
  OnlineService: ["service", "user", "uri"],
  Link: ["uri", "kind"]
}

const labelRuleArb: fc.Arbitrary<LabelRule> = fc.oneof(
  fc.constant({ _tag: "None" as const }),
  fc.integer({ min: 1, max: 30 }).map((maxLength) => ({ _tag: "Free" as const, maxLength })),
  fc.subarray(["home", "Work", "MOBILE", "main", "Other"]).map((values) => ({ _tag: "Enum" as const, values }))
)

/** True most of the time, so random vendors accept most contacts and losses stay the interesting part. */
const mostly = (weight: number) =>
  fc.oneof({ arbitrary: fc.constant(true), weight }, { arbitrary: fc.constant(false), weight: 1 })
const sometimes = <A>(arb: fc.Arbitrary<A>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: arb, weight: 1 })

const fieldRuleArb = <K extends FieldKind>(kind: K): fc.Arbitrary<FieldRule<K>> =>
  fc.record({
    readable: mostly(8),
    writable: mostly(6),
    maxCount: sometimes(fc.integer({ min: 0, max: 3 })),
    maxLength: sometimes(fc.integer({ min: 5, max: 60 })),
    keeps: fc.subarray(valueKeys[kind] as Array<ValueKey<K>>),
    requiresSome: mostly(1).map((b) => !b),
    contexts: fc.subarray(["home", "work", "other"] as const),
    labels: labelRuleArb,
    preferred: fc.boolean(),
    fieldIds: fc.boolean(),
    uniqueBy: sometimes(fc.constantFrom("context" as const, "value" as const)),
    services: sometimes(fc.subarray([...services])),
    features: fc.option(fc.subarray(["voice", "mobile", "fax", "pager", "text"] as const), { nil: undefined }),
    requiresE164: mostly(3).map((b) => !b),
    linkKinds: fc.option(fc.subarray(["website", "blog", "profile", "other"] as const), { nil: undefined })
  }).map(({ requiresSome, ...r }): FieldRule<K> => {
    // Rules only make sense about keys the vendor keeps, so `requires` is drawn from `keeps`.
    const rule: { -readonly [P in keyof FieldRule<K>]: FieldRule<K>[P] } = {
      readable: r.readable,
      writable: r.writable,
      keeps: r.keeps,
      contexts: r.contexts,
      labels: r.labels,
      preferred: r.preferred,
      fieldIds: r.fieldIds
    }
    if (r.maxCount !== undefined) rule.maxCount = r.maxCount
    if (r.maxLength !== undefined) rule.maxLength = r.maxLength
    if (requiresSome && r.keeps.length > 0) rule.requires = r.keeps.slice(0, 1)
    if (r.uniqueBy !== undefined) rule.uniqueBy = r.uniqueBy
    if (kind === "OnlineService" && r.services !== undefined) rule.services = r.services
    if (kind === "Phone") {
      if (r.features !== undefined) rule.features = r.features
      if (r.requiresE164) rule.requiresE164 = true
    }
    if (kind === "Link" && r.linkKinds !== undefined) rule.linkKinds = r.linkKinds
    return rule
  })

/** Random vendors, from lossless to very restrictive. */
export const capabilitiesArb: fc.Arbitrary<Capabilities> = fc.record({
  kinds: fc.subarray(["individual", "organization"] as const, { minLength: 1 }),
  name: fc.subarray([...nameComponents]),
  requireName: mostly(3).map((b) => !b),
  nameMaxLength: sometimes(fc.integer({ min: 3, max: 40 })),
  trimsText: fc.boolean(),
  organization: fc.subarray([...organizationComponents]),
  fields: fc.record({
    Email: fieldRuleArb("Email"),
    Phone: fieldRuleArb("Phone"),
    Address: fieldRuleArb("Address"),
    OnlineService: fieldRuleArb("OnlineService"),
    Link: fieldRuleArb("Link")
  }) as fc.Arbitrary<FieldRules>,
  fieldOrder: fc.option(fc.shuffledSubarray([...fieldKinds]), { nil: undefined }),
  update: fc.constantFrom("patch" as const, "replace" as const),
  dedupeOnCreate: fc.constant(false),
  remove: fc.boolean(),
  fieldOperations: fc.constantFrom("native" as const, "readModifyWrite" as const)
}).map(({ requireName, nameMaxLength, fieldOrder, ...c }) => ({
  vendor: "random",
  ...c,
  ...(requireName && c.name.length > 0 ? { requiredName: c.name.slice(0, 1) } : {}),
  ...(nameMaxLength === undefined ? {} : { nameMaxLength }),
  ...(fieldOrder === undefined ? {} : { fieldOrder })
}))
