/**
 * The ten contact-data handlers of Deskpro's `Application\DeskPRO\ContactData` (one class per type, found by
 * `ContactData::getHandler`): how each copies `data[...]` into the generic columns `field_1`…`field_10`, and the
 * keys each adds to the record in the API (`getApiVars`). A type with no class (the knowledge base's `im`) has no
 * handler, and a handler that leaves every column PHP-empty stores nothing.
 */
import { phpString, phpTruthy } from "./LegacyInput.ts"

export const contactTypes = [
  "address",
  "facebook",
  "fax",
  "instant_message",
  "linked_in",
  "mobile",
  "phone",
  "skype",
  "twitter",
  "website"
] as const
export type ContactType = typeof contactTypes[number]

export const isContactType = (type: string): type is ContactType =>
  (contactTypes as ReadonlyArray<string>).includes(type)

/** `field_1`…`field_10`, as strings (what the `text` columns give back). */
export type Fields = readonly [string, string, string, string, string, string, string, string, string, string]

interface Handler {
  /** `applyFormData`: the columns from `data`; undefined when a value is not a scalar (see `toFields`). */
  readonly apply: (data: Readonly<Record<string, unknown>>) => ReadonlyArray<string>
  /** `getApiVars`: the handler's own keys, read from the columns. */
  readonly apiVars: (fields: Fields) => Readonly<Record<string, string>>
}

/** `isset($input[key]) ? $input[key] : ''`. */
const value = (data: Readonly<Record<string, unknown>>, key: string, fallback = ""): string =>
  data[key] === undefined || data[key] === null ? fallback : phpString(data[key])

const facebookHandle = (url: string): string =>
  // The first pattern's `?` is unescaped in Deskpro's code, so it means "optional p", not a query string.
  /\/profile\.php?id=([0-9]+)/u.exec(url)?.[1] ??
    /facebook\.com\/([a-zA-Z0-9.\-_]+)/u.exec(url)?.[1] ??
    /facebook\.com\/people\/([a-zA-Z0-9.\-_]+)/u.exec(url)?.[1] ??
    /(facebook\.com.*?)$/u.exec(url)?.[1] ??
    ""

const phone: Handler = {
  apply: (data) => {
    const code = value(data, "country_calling_code")
    const number = value(data, "number")
    // Searchable value without punctuation, in field_10.
    const search = `${code}${number}`.replace(/[^0-9a-zA-Z]/gu, "")
    return [code, number, value(data, "type", "phone"), "", "", "", "", "", "", search]
  },
  apiVars: (f) => ({ country_calling_code: f[0], number: f[1], type: f[2] })
}

const handlers: Readonly<Record<ContactType, Handler>> = {
  address: {
    apply: (data) => ["address", "city", "state", "zip", "country"].map((key) => value(data, key)),
    apiVars: (f) => ({ address: f[0], city: f[1], state: f[2], zip: f[3], country: f[4] })
  },
  facebook: {
    apply: (data) => {
      const url = value(data, "profile_url")
      return [url, facebookHandle(url)]
    },
    apiVars: (f) => ({ profile_url: f[0], display: f[1] || f[0] })
  },
  fax: phone,
  instant_message: {
    apply: (data) => [value(data, "username"), value(data, "service")],
    apiVars: (f) => ({ username: f[0], service: f[1] })
  },
  linked_in: {
    apply: (data) => {
      const url = value(data, "profile_url")
      return [url, /\/in\/(.*?)$/u.exec(url)?.[1] ?? ""]
    },
    apiVars: (f) => ({ profile_url: f[0], display: f[1] || f[0] })
  },
  mobile: phone,
  phone,
  skype: {
    apply: (data) => [value(data, "username")],
    apiVars: (f) => ({ username: f[0] })
  },
  twitter: {
    // display_feed is stored as 0/1; field_3 is the Twitter user id, "0" when no such user is known.
    apply: (data) => [value(data, "username"), phpTruthy(data["display_feed"]) ? "1" : "0"],
    apiVars: (f) => ({ username: f[0] })
  },
  website: {
    apply: (data) => {
      const url = value(data, "url")
      return [/^(.*?):\/\//u.test(url) ? url : `http://${url}`]
    },
    apiVars: (f) => ({ url: f[0] })
  }
}

const pad = (columns: ReadonlyArray<string>): Fields =>
  Array.from({ length: 10 }, (_, i) => columns[i] ?? "") as unknown as Fields

export type Applied =
  | { readonly _tag: "NoHandler" }
  | { readonly _tag: "Empty" }
  | { readonly _tag: "Stored"; readonly type: ContactType; readonly fields: Fields }

/**
 * A record through its handler. `Empty` when every column is PHP-empty ("" or "0") — and, a deviation, when a data
 * value is not a scalar (PHP would fail writing an array into a text column; the mock refuses it as invalid data).
 */
export const applyFormData = (type: string, data: Readonly<Record<string, unknown>>): Applied => {
  if (!isContactType(type)) return { _tag: "NoHandler" }
  if (Object.values(data).some((v) => v !== null && typeof v === "object")) return { _tag: "Empty" }
  const columns = handlers[type].apply(data)
  // Twitter's display_feed 0 is empty as well; the Twitter user id is filled in on save.
  if (!columns.some(phpTruthy)) return { _tag: "Empty" }
  const fields = pad(columns)
  return { _tag: "Stored", type, fields: type === "twitter" ? pad([fields[0], fields[1], "0"]) : fields }
}

/** The handler's API keys for a stored record. */
export const apiVars = (type: ContactType, fields: Fields): Readonly<Record<string, string>> =>
  handlers[type].apiVars(fields)
