/**
 * Deterministic demo data for the Monica mock: each account gets its own copy of Monica's default contact-field
 * types (as `PopulateContactFieldTypesTable` does, so the same type has a different id in each account) and a few
 * contacts with contact fields and labels.
 */
import { HashMap } from "effect"
import type { ContactRow, FieldTypeRow, MonicaState } from "./MonicaState.ts"
import { emptyState, labelFor, ofAccount, uuidFor, withContactRow, withField } from "./MonicaState.ts"

/** 2024-05-04T00:00:00Z, the day Monica 4.1.2 was tagged. */
export const seedTime = Date.UTC(2024, 4, 4)

/**
 * Monica's `default_contact_field_types` after its migrations on a fresh install: Facebook and Whatsapp receive URL
 * protocols later, Twitter and LinkedIn keep null, and only Email and Phone are not deletable.
 */
export const defaultFieldTypes: ReadonlyArray<
  Omit<FieldTypeRow, "id" | "uuid" | "accountId" | "createdAt" | "updatedAt">
> = [
  { name: "Email", fontawesomeIcon: "fa fa-envelope-open-o", protocol: "mailto:", delible: false, type: "email" },
  { name: "Phone", fontawesomeIcon: "fa fa-volume-control-phone", protocol: "tel:", delible: false, type: "phone" },
  {
    name: "Facebook",
    fontawesomeIcon: "fa fa-facebook-official",
    protocol: "https://facebook.com/",
    delible: true,
    type: null
  },
  { name: "Twitter", fontawesomeIcon: "fa fa-twitter-square", protocol: null, delible: true, type: null },
  { name: "Whatsapp", fontawesomeIcon: "fa fa-whatsapp", protocol: "https://wa.me/", delible: true, type: null },
  { name: "Telegram", fontawesomeIcon: "fa fa-telegram", protocol: "telegram:", delible: true, type: null },
  { name: "LinkedIn", fontawesomeIcon: "fa fa-linkedin-square", protocol: null, delible: true, type: null }
]

interface DemoContact {
  readonly firstName: string
  readonly lastName: string | null
  readonly nickname?: string
  readonly job?: string
  readonly company?: string
  readonly isActive?: boolean
  /** [type name, value, labels] */
  readonly fields: ReadonlyArray<readonly [string, string, ReadonlyArray<string>]>
}

const demoContacts: Readonly<Record<number, ReadonlyArray<DemoContact>>> = {
  1: [
    {
      firstName: "Jim",
      lastName: "Halpert",
      job: "Salesman",
      company: "Dunder Mifflin",
      fields: [["Email", "jim.halpert@example.com", ["work"]], ["Phone", "+1 570 555 0101", ["cell"]]]
    },
    {
      firstName: "Pam",
      lastName: "Beesly",
      nickname: "Pammy",
      fields: [["Email", "pam@example.org", ["home"]], ["Twitter", "pambeesly", []]]
    },
    { firstName: "Dwight", lastName: "Schrute", fields: [["Phone", "+1 570 555 0199", ["work", "Beet farm"]]] },
    { firstName: "Toby", lastName: "Flenderson", isActive: false, fields: [["Email", "toby@example.com", []]] }
  ],
  2: [
    { firstName: "Leslie", lastName: "Knope", fields: [["Email", "leslie@pawnee.example", ["work"]]] },
    { firstName: "Ron", lastName: "Swanson", fields: [["Telegram", "ronswanson", []]] }
  ]
}

export const seededState = (): MonicaState => {
  let state = emptyState
  let fieldTypes = state.fieldTypes
  for (const accountId of state.accounts) {
    for (const type of defaultFieldTypes) {
      const id = HashMap.size(fieldTypes) + 1
      const row = { ...type, id, uuid: uuidFor(3, id), accountId, createdAt: seedTime, updatedAt: seedTime }
      fieldTypes = HashMap.set(fieldTypes, id, row)
    }
  }
  state = { ...state, fieldTypes, sequences: { ...state.sequences, fieldType: HashMap.size(fieldTypes) } }
  for (const accountId of state.accounts) {
    for (const demo of demoContacts[accountId] ?? []) {
      const contactId = state.sequences.contact + 1
      const contact: ContactRow = {
        id: contactId,
        uuid: uuidFor(1, contactId),
        accountId,
        firstName: demo.firstName,
        middleName: null,
        lastName: demo.lastName,
        nickname: demo.nickname ?? null,
        description: null,
        job: demo.job ?? null,
        company: demo.company ?? null,
        isStarred: false,
        isPartial: false,
        isActive: demo.isActive ?? true,
        isDead: false,
        createdAt: seedTime,
        updatedAt: seedTime
      }
      state = { ...withContactRow(state, contact), sequences: { ...state.sequences, contact: contactId } }
      for (const [typeName, data, labels] of demo.fields) {
        const type = ofAccount(state.fieldTypes, accountId).find((row) => row.name === typeName)
        if (type === undefined) continue
        const labelIds: Array<number> = []
        for (const text of labels) {
          const [labelId, next] = labelFor(state, accountId, text, seedTime)
          labelIds.push(labelId)
          state = next
        }
        const fieldId = state.sequences.field + 1
        const field = {
          id: fieldId,
          uuid: uuidFor(2, fieldId),
          accountId,
          contactId,
          typeId: type.id,
          data,
          labelIds,
          createdAt: seedTime,
          updatedAt: seedTime
        }
        state = { ...withField(state, field), sequences: { ...state.sequences, field: fieldId } }
      }
    }
  }
  return state
}
