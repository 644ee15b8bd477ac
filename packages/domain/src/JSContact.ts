/**
 * The JSContact codec: `Contact` ↔ RFC 9553 `Card`, so contacts can leave contactkit in a
 * standard form and come back from one. `toCard` is total; `fromCard` validates what it builds
 * with the domain Schemas and fails with `InvalidContact`.
 *
 * Mapping (the full table is in `docs/unification.md`):
 * - `id` ↔ `uid`; `kind` individual ↔ `individual`, organization ↔ `org` (other Card kinds are rejected);
 *   `createdAt`/`updatedAt` ↔ `created`/`updated`; `remote` is never exported.
 * - name: prefix ↔ `title`, given ↔ `given`, middle ↔ `given2`, family ↔ `surname` (+ `surname2`),
 *   suffix ↔ `credential` (+ `generation`), phonetic* ↔ the component's `phonetic`, full ↔ `full`,
 *   nickname ↔ the first of `nicknames`.
 * - organization: name/department ↔ `organizations` name/units; title/role ↔ `titles` of kind title/role.
 * - fields ↔ `emails`, `phones`, `addresses`, `onlineServices`, `links`; context home ↔ `private`,
 *   work ↔ `work`; preferred ↔ `pref` 1 (`false` ↔ 100, the least preferred); label ↔ `label`.
 *
 * What the RFC cannot say rides in `contactkit:` properties (see `cardExtension` in `JSContactCard.ts`),
 * so `fromCard(toCard(c))` gives back `c` without its `remote` (timestamps in the RFC's one form).
 *
 * The name and organisation halves are in `JSContactCard.ts`, each field kind in `JSContactField.ts`;
 * this file keys the fields in their Card maps, keeps their order, and validates the whole contact.
 */
import { Effect, Schema } from "effect"
import { Contact, type ContactKind, type Name, type Organization } from "./Contact.ts"
import { InvalidContact, type Issue } from "./ContactError.ts"
import { type ContactField, type FieldKind, fieldKinds } from "./ContactField.ts"
import { type DecodeOptions, toIssues } from "./Decode.ts"
import {
  type Card,
  Card as CardSchema,
  type CardAddress,
  type CardEmailAddress,
  cardExtension,
  type CardLink,
  type CardOnlineService,
  type CardPhone,
  decodeName,
  decodeOrganization,
  encodeName,
  encodeOrganization,
  isJSContactId
} from "./JSContactCard.ts"
import {
  decodeAddress,
  decodeEmail,
  decodeLink,
  decodeOnlineService,
  decodePhone,
  encodeAddress,
  encodeEmail,
  encodeLink,
  encodeOnlineService,
  encodePhone
} from "./JSContactField.ts"

export {
  Card,
  CardAddress,
  CardAddressComponent,
  CardEmailAddress,
  cardExtension,
  CardLink,
  CardName,
  CardNameComponent,
  CardNickname,
  CardOnlineService,
  CardOrganization,
  CardOrgUnit,
  CardPhone,
  CardTitle
} from "./JSContactCard.ts"

/** The Card property holding each field kind, in the order `toCard` writes them. */
const property = {
  Email: "emails",
  Phone: "phones",
  Address: "addresses",
  OnlineService: "onlineServices",
  Link: "links"
} as const satisfies Record<FieldKind, string>

/** Generated keys are `e1`, `p1`, …, numbered by position within the kind, so they are stable. */
const keyPrefix: Record<FieldKind, string> = { Email: "e", Phone: "p", Address: "a", OnlineService: "s", Link: "l" }

/**
 * The map key of every field: its vendor id when that is a valid JSContact Id not already taken,
 * otherwise the first free generated key. Ids are placed first so a generated key never steals one.
 */
const assignKeys = (fields: ReadonlyArray<ContactField>): ReadonlyArray<string> => {
  const taken = new Set<string>()
  const keys: Array<string | undefined> = fields.map((field) => {
    const key = field.id === undefined ? undefined : `${property[field._tag]}/${field.id}`
    if (key === undefined || !isJSContactId(field.id ?? "") || taken.has(key)) return undefined
    taken.add(key)
    return field.id
  })
  const counters: Partial<Record<FieldKind, number>> = {}
  return fields.map((field, i) => {
    const own = keys[i]
    if (own !== undefined) return own
    let n = counters[field._tag] ?? 0
    let key: string
    do {
      n += 1
      key = `${keyPrefix[field._tag]}${n}`
    } while (taken.has(`${property[field._tag]}/${key}`))
    counters[field._tag] = n
    taken.add(`${property[field._tag]}/${key}`)
    return key
  })
}

/**
 * The one form RFC 9553 allows for a UTCDateTime: fractional seconds only when non-zero, without
 * trailing zeros (`…10.500Z` → `…10.5Z`, `…10.000Z` → `…10Z`). It is the same instant.
 */
export const toUTCDateTime = (timestamp: string): string =>
  timestamp.replace(/\.(\d*?)0*Z$/u, (_, digits: string) => digits === "" ? "Z" : `.${digits}Z`)

const cardKind = (kind: ContactKind): string => kind === "organization" ? "org" : "individual"

/** A Contact as a JSContact Card. The vendor's `remote` record is never exported. */
export const toCard = (contact: Contact): Card => {
  const keys = assignKeys(contact.fields)
  const emails: Record<string, CardEmailAddress> = {}
  const phones: Record<string, CardPhone> = {}
  const addresses: Record<string, CardAddress> = {}
  const onlineServices: Record<string, CardOnlineService> = {}
  const links: Record<string, CardLink> = {}
  contact.fields.forEach((field, i) => {
    const key = keys[i]!
    switch (field._tag) {
      case "Email":
        emails[key] = encodeEmail(field)
        break
      case "Phone":
        phones[key] = encodePhone(field)
        break
      case "Address":
        addresses[key] = encodeAddress(field)
        break
      case "OnlineService":
        onlineServices[key] = encodeOnlineService(field)
        break
      case "Link":
        links[key] = encodeLink(field)
        break
    }
  })
  // Readers see fields grouped by kind in each map's key order, and JavaScript puts integer-like
  // keys (vendors' field ids) first; only when that is not the contact's order is it written.
  const refs = contact.fields.map((field, i) => `${property[field._tag]}/${keys[i]}`)
  const maps = { emails, phones, addresses, onlineServices, links }
  const natural = fieldKinds.flatMap((kind) =>
    Object.keys(maps[property[kind]]).map((key) => `${property[kind]}/${key}`)
  )
  const nonEmpty = <K extends string, V>(name: K, map: Record<string, V>) =>
    Object.keys(map).length === 0 ? {} : ({ [name]: map } as { readonly [P in K]: Record<string, V> })
  return {
    "@type": "Card",
    version: "1.0",
    uid: contact.id,
    kind: cardKind(contact.kind),
    ...(contact.createdAt === undefined ? {} : { created: toUTCDateTime(contact.createdAt) }),
    ...(contact.updatedAt === undefined ? {} : { updated: toUTCDateTime(contact.updatedAt) }),
    ...encodeName(contact.name),
    ...encodeOrganization(contact.organization),
    ...nonEmpty("emails", emails),
    ...nonEmpty("phones", phones),
    ...nonEmpty("addresses", addresses),
    ...nonEmpty("onlineServices", onlineServices),
    ...nonEmpty("links", links),
    ...(refs.every((ref, i) => ref === natural[i]) ? {} : { [cardExtension.fieldOrder]: refs })
  }
}

const contactKind = (kind: string | undefined): ContactKind | undefined => {
  switch (kind) {
    case undefined:
    case "individual":
      return "individual"
    case "org":
      return "organization"
    default:
      return undefined
  }
}

/** One decoded field and where it came from in the Card (`emails/e1`), for error messages and ordering. */
interface Entry {
  readonly ref: string
  readonly field: Record<string, unknown>
}

const entriesOf = <A>(
  name: string,
  map: Record<string, A> | undefined,
  decode: (value: A) => Record<string, unknown>
): Array<Entry> => Object.entries(map ?? {}).map(([key, value]) => ({ ref: `${name}/${key}`, field: decode(value) }))

/** Fields in the Card's `contactkit:fieldOrder` when it names each field once, else grouped by kind. */
const ordered = (entries: ReadonlyArray<Entry>, order: ReadonlyArray<string> | undefined): ReadonlyArray<Entry> => {
  if (order === undefined || order.length !== entries.length || new Set(order).size !== order.length) return entries
  const byRef = new Map(entries.map((entry) => [entry.ref, entry]))
  const sorted = order.map((ref) => byRef.get(ref))
  return sorted.every((entry) => entry !== undefined) ? sorted : entries
}

const decodeContact = Schema.decodeUnknownEffect(Contact)

/** Says which Card property a field issue came from: `(JSContact emails/e1)`. */
const withOrigin = (issue: Issue, entries: ReadonlyArray<Entry>): Issue => {
  const [head, index] = issue.path
  const entry = head === "fields" && typeof index === "number" ? entries[index] : undefined
  return entry === undefined ? issue : { ...issue, message: `${issue.message} (JSContact ${entry.ref})` }
}

/** A JSContact Card as a Contact; fails with `InvalidContact` when it breaks a rule of the domain. */
export const fromCard = (card: Card, options?: DecodeOptions): Effect.Effect<Contact, InvalidContact> => {
  const kind = contactKind(card.kind)
  if (kind === undefined) {
    return Effect.fail(
      new InvalidContact({
        issues: [{ path: ["kind"], message: `JSContact kind ${JSON.stringify(card.kind)} is not individual or org` }]
      })
    )
  }
  const entries = ordered([
    ...entriesOf("emails", card.emails, decodeEmail),
    ...entriesOf("phones", card.phones, (phone) => decodePhone(phone, options?.region)),
    ...entriesOf("addresses", card.addresses, decodeAddress),
    ...entriesOf("onlineServices", card.onlineServices, decodeOnlineService),
    ...entriesOf("links", card.links, decodeLink)
  ], card[cardExtension.fieldOrder])
  const name: Name = decodeName(card.name, card.nicknames)
  const organization: Organization = decodeOrganization(card.organizations, card.titles)
  const candidate = {
    id: card.uid,
    kind,
    name,
    organization,
    fields: entries.map((entry) => entry.field),
    ...(card.created === undefined ? {} : { createdAt: card.created }),
    ...(card.updated === undefined ? {} : { updatedAt: card.updated })
  }
  return decodeContact(candidate, { errors: "all" }).pipe(
    Effect.mapError((error) =>
      new InvalidContact({ issues: toIssues(error.issue).map((issue) => withOrigin(issue, entries)) })
    )
  )
}

const decodeCardSchema = Schema.decodeUnknownEffect(CardSchema)

/** Unknown JSON (a `.json` file, a request body) as a Contact; Card errors name the Card path. */
export const decodeCard = (input: unknown, options?: DecodeOptions): Effect.Effect<Contact, InvalidContact> =>
  decodeCardSchema(input, { errors: "all" }).pipe(
    Effect.mapError((error) => new InvalidContact({ issues: toIssues(error.issue) })),
    Effect.flatMap((card) => fromCard(card, options))
  )
