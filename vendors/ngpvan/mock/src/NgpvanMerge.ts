/**
 * How a checked body becomes stored data: a new contact, a dedupe merge into an existing one, or an update. NGP
 * documents only that "deduping logic is always in effect" and that a close match (e.g. same name and email
 * address) is merged; the rules decided here (README.md gives the evidence):
 * - **match**: same `type`, the same name (INDIVIDUAL: first and last name; ORGANIZATION: `commonName`; trimmed,
 *   case-insensitive), and a shared email address (case-insensitive) or phone number (digits, a leading US `1`
 *   ignored). A contact without a name never matches. The oldest match wins.
 * - **merge**: text sent replaces the stored text; an email, phone or address replaces the stored one of the same
 *   type (the others stay, new types are appended); external links and contact codes are added when new; a
 *   disclosure field replaces the one with the same id.
 * - **update**: text sent replaces, `null` clears; an array sent replaces that array. Changing `type` clears the
 *   other type's names.
 * In every case an email sent without `doNotEmail` or `appliedEmailLists` keeps the stored email's (same address):
 * an opt-out is not lost because a client did not repeat it.
 */
import { emailKey, phoneDigits } from "./NgpvanMatchIndex.ts"
import { nameKey } from "./NgpvanNameKey.ts"
import {
  type ContactData,
  individualTexts,
  organizationTexts,
  type StoredContact,
  type StoredEmail,
  type TextField,
  textFields
} from "./NgpvanState.ts"
import type { ContactInput, EmailInput } from "./NgpvanValidation.ts"

const sameAddress = (a: string, b: string) => emailKey(a) === emailKey(b)

/** Whether `candidate` (a body as it would be stored) matches the stored contact. */
export const isMatch = (stored: ContactData, candidate: ContactData): boolean => {
  const name = nameKey(stored)
  if (stored.type !== candidate.type || name === undefined || name !== nameKey(candidate)) return false
  return candidate.emails.some((e) => stored.emails.some((s) => sameAddress(s.address, e.address))) ||
    candidate.phones.some((p) => stored.phones.some((s) => phoneDigits(s.number) === phoneDigits(p.number)))
}

/** The oldest of `contacts` (given oldest first) that `candidate` matches; `matchCandidates` gives the few to try. */
export const findMatch = (contacts: ReadonlyArray<StoredContact>, candidate: ContactData): StoredContact | undefined =>
  contacts.find((contact) => isMatch(contact, candidate))

/** An email as stored: what was sent, else what the stored email with that address had, else the defaults. */
const storeEmail = (email: EmailInput, stored: ReadonlyArray<StoredEmail>): StoredEmail => {
  const before = stored.find((s) => sameAddress(s.address, email.address))
  return {
    address: email.address,
    type: email.type,
    doNotEmail: email.doNotEmail ?? before?.doNotEmail ?? false,
    appliedEmailLists: email.appliedEmailLists ?? before?.appliedEmailLists ?? []
  }
}

/** `stored` with each entry replaced by the sent one with the same key; sent entries with a new key appended. */
const replaceByKey = <A>(stored: ReadonlyArray<A>, sent: ReadonlyArray<A>, key: (a: A) => string | number) => [
  ...stored.map((s) => sent.find((p) => key(p) === key(s)) ?? s),
  ...sent.filter((p) => !stored.some((s) => key(s) === key(p)))
]

const withTexts = <A extends ContactData>(data: A, texts: ContactInput["texts"]): A => {
  const out: Record<string, unknown> = { ...data }
  for (const field of textFields) {
    const text = texts[field]
    if (text === null) delete out[field]
    else if (text !== undefined) out[field] = text
  }
  return out as A
}

/** The data of a new contact from a create body (which has a `type`). */
export const newData = (input: ContactInput): ContactData =>
  withTexts({
    type: input.type ?? "INDIVIDUAL",
    emails: (input.emails ?? []).map((e) => storeEmail(e, [])),
    phones: input.phones ?? [],
    addresses: input.addresses ?? [],
    externalLinks: input.externalLinks ?? [],
    contactCodes: input.contactCodes ?? [],
    disclosureFields: input.disclosureFields ?? []
  }, input.texts)

/** A create body merged into the contact it matched. */
export const merge = (stored: StoredContact, input: ContactInput): StoredContact =>
  withTexts({
    ...stored,
    emails: replaceByKey(stored.emails, (input.emails ?? []).map((e) => storeEmail(e, stored.emails)), (e) => e.type),
    phones: replaceByKey(stored.phones, input.phones ?? [], (p) => p.type),
    addresses: replaceByKey(stored.addresses, input.addresses ?? [], (a) => a.type),
    externalLinks: replaceByKey(
      stored.externalLinks,
      input.externalLinks ?? [],
      (l) => `${l.externalSourceTypeId}\u0000${l.externalId}`
    ),
    contactCodes: replaceByKey(stored.contactCodes, input.contactCodes ?? [], (c) => c.contactCodeId),
    disclosureFields: replaceByKey(stored.disclosureFields, input.disclosureFields ?? [], (d) => d.disclosureFieldId)
  }, input.texts)

/** An update body applied to the stored contact. */
export const update = (stored: StoredContact, input: ContactInput): StoredContact => {
  const type = input.type ?? stored.type
  // The other type's names do not survive a change of type: an organisation has no first name.
  const dropped: ReadonlyArray<TextField> = type === stored.type
    ? []
    : type === "ORGANIZATION"
    ? individualTexts
    : organizationTexts
  const cleared = withTexts(stored, Object.fromEntries(dropped.map((field) => [field, null])))
  return withTexts({
    ...cleared,
    type,
    ...(input.emails === undefined ? {} : { emails: input.emails.map((e) => storeEmail(e, stored.emails)) }),
    ...(input.phones === undefined ? {} : { phones: input.phones }),
    ...(input.addresses === undefined ? {} : { addresses: input.addresses }),
    ...(input.externalLinks === undefined ? {} : { externalLinks: input.externalLinks }),
    ...(input.contactCodes === undefined ? {} : { contactCodes: input.contactCodes }),
    ...(input.disclosureFields === undefined ? {} : { disclosureFields: input.disclosureFields })
  }, input.texts)
}
