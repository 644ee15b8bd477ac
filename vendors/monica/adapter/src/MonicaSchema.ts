/**
 * Monica v4's wire shapes, as its Laravel resources really emit them (not as its docs show):
 * a contact field carries its value as `content` (the docs say `data`, which we still accept on
 * read), single objects come wrapped in `{"data": …}`, lists in Laravel's `{data, links, meta}`.
 * Only what the adapter reads and writes is modelled; everything else stays in `remote`.
 */
import { Predicate, Schema } from "effect"

const Nullable = <S extends Schema.Top>(schema: S) => Schema.optionalKey(Schema.NullOr(schema))

/** `GET /api/contactfieldtypes`: one per account, user-editable (Email, Phone, Facebook, …). */
export const MonicaContactFieldType = Schema.Struct({
  id: Schema.Number,
  name: Schema.String,
  protocol: Nullable(Schema.String),
  /** `email` or `phone` for the two built-in types, null for the others. */
  type: Nullable(Schema.String)
})
export type MonicaContactFieldType = typeof MonicaContactFieldType.Type

/** `type` is the standard key (`home`, `cell`, …) or the custom label text; `label` is translated. */
export const MonicaContactFieldLabel = Schema.Struct({
  type: Nullable(Schema.String),
  label: Nullable(Schema.String)
})
export type MonicaContactFieldLabel = typeof MonicaContactFieldLabel.Type

export const MonicaContactField = Schema.Struct({
  id: Schema.Number,
  /** What the server sends. */
  content: Nullable(Schema.String),
  /** What the docs say it sends; tolerated on read. */
  data: Nullable(Schema.String),
  contact_field_type: MonicaContactFieldType,
  labels: Nullable(Schema.Array(MonicaContactFieldLabel)),
  contact: Schema.optionalKey(Schema.Struct({ id: Schema.Number })),
  created_at: Nullable(Schema.String),
  updated_at: Nullable(Schema.String)
})
export type MonicaContactField = typeof MonicaContactField.Type

const DateInfo = Schema.Struct({
  is_age_based: Nullable(Schema.Boolean),
  is_year_unknown: Nullable(Schema.Boolean),
  date: Nullable(Schema.String)
})
export type MonicaDateInfo = typeof DateInfo.Type

export const MonicaContact = Schema.Struct({
  id: Schema.Number,
  first_name: Nullable(Schema.String),
  last_name: Nullable(Schema.String),
  nickname: Nullable(Schema.String),
  complete_name: Nullable(Schema.String),
  description: Nullable(Schema.String),
  is_partial: Schema.optionalKey(Schema.Boolean),
  is_dead: Schema.optionalKey(Schema.Boolean),
  information: Schema.optionalKey(Schema.Struct({
    career: Nullable(Schema.Struct({ job: Nullable(Schema.String), company: Nullable(Schema.String) })),
    dates: Nullable(Schema.Struct({ birthdate: Nullable(DateInfo), deceased_date: Nullable(DateInfo) }))
  })),
  /** Present only with `?with=contactfields` (and never on partial contacts). */
  contactFields: Schema.optionalKey(Schema.Array(MonicaContactField)),
  created_at: Nullable(Schema.String),
  updated_at: Nullable(Schema.String)
})
export type MonicaContact = typeof MonicaContact.Type

/**
 * A single resource arrives wrapped as `{"data": {…}}` from the server and bare in the docs;
 * a bare contact field has `data` as a string, so only an object under `data` is a wrapper.
 */
export const unwrapOne = (body: unknown): unknown =>
  Predicate.isObject(body) && "data" in body && Predicate.isObject(body.data) && !Array.isArray(body.data)
    ? body.data
    : body

/** Laravel's paginated collection; only `meta.current_page/last_page` drive paging. */
export const MonicaPage = <S extends Schema.Top>(item: S) =>
  Schema.Struct({
    data: Schema.Array(item),
    meta: Schema.optionalKey(Schema.Struct({
      current_page: Schema.optionalKey(Schema.Number),
      last_page: Schema.optionalKey(Schema.Number)
    }))
  })

/** `{"error": {"message": string | string[], "error_code": n}}`; Laravel's own `{"message"}` for 401. */
export const MonicaErrorBody = Schema.Union([
  Schema.Struct({
    error: Schema.Struct({
      message: Schema.Union([Schema.String, Schema.Array(Schema.String)]),
      error_code: Schema.optionalKey(Schema.Number)
    })
  }),
  Schema.Struct({ message: Schema.String })
])
export type MonicaErrorBody = typeof MonicaErrorBody.Type

/** `POST /api/contactfields`, `PUT /api/contactfields/{id}` (full replace: all three keys required). */
export interface MonicaContactFieldInput {
  readonly contact_id: number
  readonly contact_field_type_id: number
  readonly data: string
  readonly labels: ReadonlyArray<string>
}

/** `POST /api/contacts`, `PUT /api/contacts/{id}`: the three booleans are required by both. */
export interface MonicaContactInput {
  readonly first_name: string
  readonly middle_name?: string | null
  readonly last_name?: string | null
  readonly nickname?: string | null
  readonly description?: string | null
  readonly is_birthdate_known: boolean
  readonly birthdate_day?: number
  readonly birthdate_month?: number
  readonly birthdate_year?: number
  readonly birthdate_is_age_based?: boolean
  readonly birthdate_age?: number
  readonly is_deceased: boolean
  readonly is_deceased_date_known: boolean
  readonly deceased_date_day?: number
  readonly deceased_date_month?: number
  readonly deceased_date_year?: number
}

/** `PUT /api/contacts/{id}/work`: Monica keeps job title and company outside the contact PUT. */
export interface MonicaWorkInput {
  readonly job: string | null
  readonly company: string | null
}

/** `POST /api/contactfieldtypes`, used only to create a type the account lacks (see MonicaFieldTypes). */
export interface MonicaContactFieldTypeInput {
  readonly name: string
  readonly protocol?: string
  readonly fontawesome_icon?: string
}
