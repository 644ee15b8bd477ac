/**
 * NGP VAN's wire shapes (NGP API v2, the Contacts common model), only what the adapter reads and writes. Reading is
 * tolerant where NGP's pages are silent — text may be absent or null, arrays absent, a type may be one this adapter
 * does not know — so a real tenant's record decodes; writing uses exactly the documented names and types.
 */
import {
  arrayOf as listOf,
  isFiniteNumber,
  isJsonRecord as isRecord,
  isString,
  type JsonRecord,
  optionalOrNull as optional
} from "@contactkit/adapter-kit"
import { Schema } from "effect"

const Text = Schema.optionalKey(Schema.NullOr(Schema.String))
const List = <S extends Schema.Top>(item: S) => Schema.optionalKey(Schema.NullOr(Schema.Array(item)))

export const NgpvanEmail = Schema.Struct({
  address: Schema.String,
  type: Schema.optionalKey(Schema.NullOr(Schema.String)),
  doNotEmail: Schema.optionalKey(Schema.NullOr(Schema.Boolean)),
  appliedEmailLists: List(Schema.Struct({ emailListId: Schema.Number }))
})
export type NgpvanEmail = typeof NgpvanEmail.Type

export const NgpvanPhone = Schema.Struct({
  number: Schema.String,
  type: Schema.optionalKey(Schema.NullOr(Schema.String))
})
export type NgpvanPhone = typeof NgpvanPhone.Type

export const NgpvanAddress = Schema.Struct({
  type: Schema.optionalKey(Schema.NullOr(Schema.String)),
  line1: Text,
  line2: Text,
  line3: Text,
  city: Text,
  stateProvince: Text,
  postalCode: Text,
  countryCode: Text
})
export type NgpvanAddress = typeof NgpvanAddress.Type

/** `GET /v2/contacts/{contactId}` and each item of a page. */
export const NgpvanContact = Schema.Struct({
  contactId: Schema.NonEmptyString,
  type: Schema.String,
  prefix: Text,
  firstName: Text,
  middleName: Text,
  lastName: Text,
  suffix: Text,
  nickname: Text,
  commonName: Text,
  officialName: Text,
  employer: Text,
  occupation: Text,
  facebookProfileUrl: Text,
  emails: List(NgpvanEmail),
  phones: List(NgpvanPhone),
  addresses: List(NgpvanAddress)
})
export type NgpvanContact = typeof NgpvanContact.Type

/** NGP VAN's collection envelope; items are decoded one by one, so an error names the item. */
export const NgpvanPage = Schema.Struct({
  items: Schema.Array(Schema.Unknown),
  count: Schema.optionalKey(Schema.NullOr(Schema.Number)),
  nextPageLink: Schema.optionalKey(Schema.NullOr(Schema.String))
})

/** What create, find-or-create and update answer: `{"contactId": "VN93A9H7CW7"}`. */
export const NgpvanContactIdResponse = Schema.Struct({ contactId: Schema.NonEmptyString })

/** NGP VAN's standard error body (docs.ngpvan.com/reference/errors). */
export const NgpvanErrorBody = Schema.Struct({
  errors: Schema.Array(Schema.Struct({
    code: Schema.optionalKey(Schema.String),
    text: Schema.optionalKey(Schema.String),
    properties: Schema.optionalKey(Schema.NullOr(Schema.Array(Schema.String)))
  }))
})
export type NgpvanErrorBody = typeof NgpvanErrorBody.Type

// ── written ─────────────────────────────────────────────────────────────────────────────────

export type NgpvanEmailType = "MAIN" | "PERSONAL" | "WORK"
export type NgpvanPhoneType = "HOME" | "WORK" | "MOBILE" | "MAIN" | "FAX"
export type NgpvanAddressType = "HOME" | "WORK"

export interface NgpvanEmailInput {
  readonly address: string
  readonly type: NgpvanEmailType
  readonly doNotEmail?: boolean
  readonly appliedEmailLists?: ReadonlyArray<{ readonly emailListId: number }>
}

export interface NgpvanPhoneInput {
  readonly number: string
  readonly type: NgpvanPhoneType
}

export interface NgpvanAddressInput {
  readonly type: NgpvanAddressType
  readonly line1?: string
  readonly line2?: string
  readonly line3?: string
  readonly city?: string
  readonly stateProvince?: string
  readonly postalCode?: string
  readonly countryCode?: string
}

/** The text properties the adapter writes. */
export type NgpvanText =
  | "firstName"
  | "middleName"
  | "lastName"
  | "suffix"
  | "nickname"
  | "commonName"
  | "employer"
  | "occupation"
  | "facebookProfileUrl"

/** `POST /v2/contacts`: the common model; text that is unset is left out. */
export type NgpvanContactInput =
  & { readonly type: "INDIVIDUAL" | "ORGANIZATION" }
  & {
    readonly [K in NgpvanText]?: string
  }
  & {
    readonly emails: ReadonlyArray<NgpvanEmailInput>
    readonly phones: ReadonlyArray<NgpvanPhoneInput>
    readonly addresses: ReadonlyArray<NgpvanAddressInput>
  }

/** `POST /v2/contacts/{contactId}`: text `null` clears; the arrays sent replace the stored ones. */
export type NgpvanContactUpdate = { readonly [K in NgpvanText]?: string | null } & {
  readonly emails: ReadonlyArray<NgpvanEmailInput>
  readonly phones: ReadonlyArray<NgpvanPhoneInput>
  readonly addresses: ReadonlyArray<NgpvanAddressInput>
}

// ── fast check of a listed contact ───────────────────────────────────────────────────────────
// What `NgpvanContact` accepts, checked by hand for the listing's hot path: never more than the schema accepts
// (test/NgpvanSchemaCheck.test.ts), so a contact it refuses is decoded by the schema as before.

type Json = JsonRecord

// The checks are built once, here: a check made inside another (`listOf(isEmail)` per contact) is a closure made
// again for every contact of every page.
const texts = (record: Json, keys: ReadonlyArray<string>) => {
  for (const key of keys) if (!optional(record, key, isString)) return false
  return true
}

const contactTexts = [
  "prefix",
  "firstName",
  "middleName",
  "lastName",
  "suffix",
  "nickname",
  "commonName",
  "officialName",
  "employer",
  "occupation",
  "facebookProfileUrl"
]
const addressTexts = ["type", "line1", "line2", "line3", "city", "stateProvince", "postalCode", "countryCode"]

const isBoolean = (value: unknown) => typeof value === "boolean"
const isEmailList = (value: unknown) =>
  isRecord(value) && typeof value["emailListId"] === "number" && Number.isFinite(value["emailListId"])
const isEmailLists = listOf(isEmailList)
const isEmail = (value: unknown) =>
  isRecord(value) && isString(value["address"]) && optional(value, "type", isString) &&
  optional(value, "doNotEmail", isBoolean) && optional(value, "appliedEmailLists", isEmailLists)
const isPhone = (value: unknown) => isRecord(value) && isString(value["number"]) && optional(value, "type", isString)
const isAddress = (value: unknown) => isRecord(value) && texts(value, addressTexts)
const isEmails = listOf(isEmail)
const isPhones = listOf(isPhone)
const isAddresses = listOf(isAddress)

export const isNgpvanContact = (value: unknown): value is NgpvanContact =>
  isRecord(value) && typeof value["contactId"] === "string" && value["contactId"].length > 0 &&
  isString(value["type"]) && texts(value, contactTexts) && optional(value, "emails", isEmails) &&
  optional(value, "phones", isPhones) && optional(value, "addresses", isAddresses)

/** What `NgpvanPage` accepts (its items are checked one by one after it, as the schema leaves them unknown). */
export const isNgpvanPage = (value: unknown): value is typeof NgpvanPage.Type =>
  isRecord(value) && Array.isArray(value["items"]) && optional(value, "count", isFiniteNumber) &&
  optional(value, "nextPageLink", isString)
