/**
 * Monica's JSON resources (`app/Http/Resources/**`): how a row is shown to API clients. A contact field's value is
 * shown as `content` although it is written as `data`, because that is what Monica's code emits (its docs say
 * `data`). Timestamps use Monica's `Y-m-d\TH:i:s\Z`.
 */
import type { ContactRow, FieldRow, FieldTypeRow, LabelRow, MonicaState } from "./MonicaState.ts"
import { fieldsOfContact, rowOf } from "./MonicaState.ts"

// Times formatted so far: a page formats several per contact (its own, each field's, each field's contact), and
// the same rows come back page after page. Bounded: emptied when it holds 4,096 times.
const formatted = new Map<number, string>()
export const timestamp = (millis: number): string => {
  const known = formatted.get(millis)
  if (known !== undefined) return known
  // `toISOString` always ends in `.sssZ`: dropping the milliseconds is cutting five characters.
  const text = `${new Date(millis).toISOString().slice(0, -5)}Z`
  if (formatted.size >= 4_096) formatted.clear()
  formatted.set(millis, text)
  return text
}

// resources/lang/en/people.php: contact_field_label_*
const labelTranslations: Readonly<Record<string, string>> = {
  home: "Home",
  work: "Work",
  cell: "Mobile",
  fax: "Fax",
  pager: "Pager",
  main: "Main",
  other: "Other"
}

export const fieldTypeResource = (row: FieldTypeRow) => ({
  id: row.id,
  uuid: row.uuid,
  object: "contactfieldtype",
  name: row.name,
  fontawesome_icon: row.fontawesomeIcon,
  protocol: row.protocol,
  delible: row.delible,
  type: row.type,
  account: { id: row.accountId },
  created_at: timestamp(row.createdAt),
  updated_at: timestamp(row.updatedAt)
})

export const labelResource = (row: LabelRow) => ({
  id: row.id,
  object: "contactfieldlabel",
  type: row.i18n ?? row.custom ?? "",
  label: row.i18n === null ? row.custom ?? "" : labelTranslations[row.i18n] ?? row.i18n,
  account: { id: row.accountId },
  created_at: timestamp(row.createdAt),
  updated_at: timestamp(row.createdAt)
})

export const completeName = (row: ContactRow) =>
  [row.firstName, row.middleName, row.lastName].filter((part) => part !== null).join(" ")

const initials = (row: ContactRow) =>
  completeName(row).split(/\s+/u).map((word) => word.match(/^[a-zA-Z0-9]/u)?.[0] ?? "").join("")

const emptyDate = { is_age_based: null, is_year_unknown: null, date: null }

const avatar = { url: null, source: "default", default_avatar_color: "#b3d5fe" }

/** What both contact resources open with, in Monica's key order. */
const contactNames = (row: ContactRow) => ({
  id: row.id,
  uuid: row.uuid,
  object: "contact",
  hash_id: `h:${row.id.toString(36)}`,
  first_name: row.firstName,
  last_name: row.lastName,
  nickname: row.nickname,
  complete_name: completeName(row),
  initials: initials(row)
})

/** The flags both contact resources carry after the names (and, in the full one, the description). */
const contactFlags = (row: ContactRow) => ({
  gender: null,
  gender_type: null,
  is_starred: row.isStarred,
  is_partial: row.isPartial,
  is_active: row.isActive,
  is_dead: row.isDead,
  is_me: false
})

/** The short contact embedded in a contact field (`ContactShort`). */
export const contactShortResource = (row: ContactRow, baseUrl: string) => ({
  ...contactNames(row),
  ...contactFlags(row),
  information: { birthdate: emptyDate, deceased_date: emptyDate, avatar },
  url: `${baseUrl}/api/contacts/${row.id}`,
  account: { id: row.accountId }
})

export const fieldResource = (state: MonicaState, row: FieldRow, baseUrl: string) => {
  const type = rowOf(state.fieldTypes, row.typeId)
  const contact = rowOf(state.contacts, row.contactId)
  return {
    id: row.id,
    uuid: row.uuid,
    object: "contactfield",
    content: row.data,
    contact_field_type: type === undefined ? null : fieldTypeResource(type),
    labels: row.labelIds.flatMap((id) => {
      const label = rowOf(state.labels, id)
      return label === undefined ? [] : [labelResource(label)]
    }),
    account: { id: row.accountId },
    contact: contact === undefined ? null : contactShortResource(contact, baseUrl),
    created_at: timestamp(row.createdAt),
    updated_at: timestamp(row.updatedAt)
  }
}

/**
 * What the full contact (`Contact` resource) shows before its contact fields: names, description, flags and
 * information, in Monica's key order. A partial contact (a relative known only by name) shows only its names,
 * flags and dates: Monica wraps the rest in `when(! is_partial)`.
 */
export const contactHead = (row: ContactRow) => {
  const real = !row.isPartial
  return {
    ...contactNames(row),
    description: row.description,
    ...contactFlags(row),
    ...(real
      ? {
        last_called: null,
        last_activity_together: null,
        stay_in_touch_frequency: null,
        stay_in_touch_trigger_date: null
      }
      : {}),
    information: {
      ...(real
        ? {
          relationships: {
            love: { total: 0, contacts: [] },
            family: { total: 0, contacts: [] },
            friend: { total: 0, contacts: [] },
            work: { total: 0, contacts: [] }
          }
        }
        : {}),
      dates: { birthdate: emptyDate, deceased_date: emptyDate },
      ...(real
        ? {
          career: { job: row.job, company: row.company },
          avatar,
          food_preferences: null,
          how_you_met: { general_information: null, first_met_date: emptyDate, first_met_through_contact: null }
        }
        : {})
    },
    ...(real
      ? {
        addresses: [],
        tags: [],
        statistics: {
          number_of_calls: 0,
          number_of_notes: 0,
          number_of_activities: 0,
          number_of_reminders: 0,
          number_of_tasks: 0,
          number_of_gifts: 0,
          number_of_debts: 0
        }
      }
      : {})
  }
}

/** What the full contact shows after its contact fields: its URL (not for a partial contact), account and times. */
export const contactTail = (row: ContactRow, baseUrl: string) => ({
  ...(row.isPartial ? {} : { url: `${baseUrl}/api/contacts/${row.id}` }),
  account: { id: row.accountId },
  created_at: timestamp(row.createdAt),
  updated_at: timestamp(row.updatedAt)
})

/** The full contact (`Contact` resource); `withFields` is `?with=contactfields` (never for a partial contact). */
export const contactResource = (state: MonicaState, row: ContactRow, baseUrl: string, withFields: boolean) => ({
  ...contactHead(row),
  ...(!row.isPartial && withFields
    ? {
      contactFields: fieldsOfContact(state, row.id).map((field) => fieldResource(state, field, baseUrl)),
      notes: []
    }
    : {}),
  ...contactTail(row, baseUrl)
})
