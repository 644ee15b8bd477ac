/**
 * Domain → the bodies of Monica's contact writes: `POST /api/contacts`, the read-modify-write
 * `PUT /api/contacts/{id}`, and `PUT /api/contacts/{id}/work` (company and job title).
 */
import type { ContactDraft, ContactPatch, Organization } from "@contactkit/domain"
import { present } from "./MonicaMapping.ts"
import type { MonicaContact, MonicaContactInput, MonicaDateInfo, MonicaWorkInput } from "./MonicaSchema.ts"

/** Draft → `POST /api/contacts`. Monica requires the three booleans; a new contact has no dates. */
export const toMonicaContactInput = (draft: ContactDraft): MonicaContactInput => ({
  first_name: draft.name.given ?? "",
  ...(draft.name.middle !== undefined ? { middle_name: draft.name.middle } : {}),
  ...(draft.name.family !== undefined ? { last_name: draft.name.family } : {}),
  ...(draft.name.nickname !== undefined ? { nickname: draft.name.nickname } : {}),
  is_birthdate_known: false,
  is_deceased: false,
  is_deceased_date_known: false
})

interface DateParts {
  readonly year: number
  readonly month: number
  readonly day: number
}
const dateParts = (info: MonicaDateInfo | null | undefined): DateParts | undefined => {
  const match = info?.date?.match(/^(\d{4})-(\d{2})-(\d{2})/u)
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : undefined
}

/**
 * `PUT /api/contacts/{id}` replaces the birthdate, deceased date and description with what it is
 * sent, so an update re-sends what was read (read-modify-write). An age-based birthdate is re-sent
 * as an age computed against `currentYear`. Lost: the birthday reminder (the API does not show it).
 */
export const toMonicaContactUpdate = (
  current: MonicaContact,
  name: ContactPatch["name"],
  currentYear: number
): MonicaContactInput => {
  const pick = (patched: string | null | undefined, existing: string | null | undefined) =>
    patched === undefined ? existing ?? null : patched
  const dates = current.information?.dates
  const birth = dateParts(dates?.birthdate)
  const death = dateParts(dates?.deceased_date)
  const birthdate = birth === undefined
    ? { is_birthdate_known: false }
    : dates?.birthdate?.is_age_based === true
    ? { is_birthdate_known: true, birthdate_is_age_based: true, birthdate_age: currentYear - birth.year }
    : {
      is_birthdate_known: true,
      birthdate_day: birth.day,
      birthdate_month: birth.month,
      ...(dates?.birthdate?.is_year_unknown === true ? {} : { birthdate_year: birth.year })
    }
  const deceased = death === undefined
    ? { is_deceased_date_known: false }
    : {
      is_deceased_date_known: true,
      deceased_date_day: death.day,
      deceased_date_month: death.month,
      ...(dates?.deceased_date?.is_year_unknown === true ? {} : { deceased_date_year: death.year })
    }
  return {
    first_name: pick(name?.given, current.first_name) ?? "",
    ...(name?.middle !== undefined ? { middle_name: name.middle } : {}),
    last_name: pick(name?.family, current.last_name),
    nickname: pick(name?.nickname, current.nickname),
    ...(present(current.description) ? { description: current.description } : {}),
    ...birthdate,
    is_deceased: current.is_dead === true,
    ...deceased
  }
}

/** Organisation → `PUT /api/contacts/{id}/work`; Monica keeps only company and job title. */
export const toWorkInput = (organization: Organization): MonicaWorkInput => ({
  job: organization.title ?? null,
  company: organization.name ?? null
})
