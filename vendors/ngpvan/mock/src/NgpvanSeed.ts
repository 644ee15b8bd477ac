/**
 * Deterministic demo data for both tenants: a few individuals and an organisation each, using every part of the
 * common model (types of each kind, the data the domain does not model: contact codes, disclosure fields, email
 * lists, opt-outs, external links). NGP's own example person, Lefty McDonkey, is deliberately absent, so that
 * posting the documented example creates him (201) and posting it again merges (200).
 */
import type { ContactData, NgpvanState, Tenant } from "./NgpvanState.ts"
import { emptyState, newContact, withContact } from "./NgpvanState.ts"

const none = { externalLinks: [], contactCodes: [], disclosureFields: [] } as const

const demo: ReadonlyArray<readonly [Tenant, ContactData]> = [
  ["A", {
    type: "INDIVIDUAL",
    prefix: "Ms.",
    firstName: "Rosa",
    lastName: "Parks",
    employer: "Montgomery Fair",
    occupation: "Seamstress",
    emails: [
      {
        address: "rosa.parks@example.org",
        type: "PERSONAL",
        doNotEmail: false,
        appliedEmailLists: [{ emailListId: 12 }]
      },
      { address: "rparks@example.com", type: "WORK", doNotEmail: true, appliedEmailLists: [] }
    ],
    phones: [{ number: "3345550101", type: "MOBILE" }, { number: "3345550102", type: "HOME" }],
    addresses: [{
      line1: "634 Cleveland Ave",
      city: "Montgomery",
      stateProvince: "AL",
      postalCode: "36108",
      type: "HOME"
    }],
    externalLinks: [{ externalSourceTypeId: "13", externalId: "RP-1955" }],
    contactCodes: [{ contactCodeId: 37653 }],
    disclosureFields: [{ disclosureFieldId: 1, designationId: 8, value: 702 }]
  }],
  ["A", {
    type: "INDIVIDUAL",
    firstName: "Bayard",
    middleName: "Taylor",
    lastName: "Rustin",
    nickname: "Brother Bayard",
    occupation: "Organizer",
    emails: [{ address: "bayard@example.org", type: "MAIN", doNotEmail: false, appliedEmailLists: [] }],
    phones: [{ number: "(212) 555-0163", type: "WORK" }],
    addresses: [],
    ...none
  }],
  ["A", {
    type: "ORGANIZATION",
    commonName: "Southern Christian Leadership Conference",
    officialName: "Southern Christian Leadership Conference, Inc.",
    facebookProfileUrl: "https://facebook.com/sclc",
    emails: [{
      address: "info@example.net",
      type: "WORK",
      doNotEmail: false,
      appliedEmailLists: [{ emailListId: 14 }]
    }],
    phones: [{ number: "4045550190", type: "MAIN" }, { number: "4045550191", type: "FAX" }],
    addresses: [{
      line1: "320 Auburn Ave NE",
      city: "Atlanta",
      stateProvince: "GA",
      postalCode: "30303",
      type: "WORK"
    }],
    ...none
  }],
  ["B", {
    type: "INDIVIDUAL",
    firstName: "Fannie",
    middleName: "Lou",
    lastName: "Hamer",
    emails: [{ address: "fannie.hamer@example.org", type: "PERSONAL", doNotEmail: false, appliedEmailLists: [] }],
    phones: [{ number: "6625550110", type: "HOME" }],
    addresses: [{
      line1: "1 Freedom Farm Rd",
      city: "Ruleville",
      stateProvince: "MS",
      postalCode: "38771",
      type: "HOME"
    }],
    ...none
  }],
  ["B", {
    type: "ORGANIZATION",
    commonName: "Freedom Farm Cooperative",
    emails: [],
    phones: [{ number: "6625550111", type: "WORK" }],
    addresses: [],
    contactCodes: [{ contactCodeId: 27 }],
    externalLinks: [],
    disclosureFields: []
  }]
]

export const seedState = (): NgpvanState =>
  demo.reduce((state, [tenant, data]) => withContact(state, newContact(state, tenant, data)), emptyState)
