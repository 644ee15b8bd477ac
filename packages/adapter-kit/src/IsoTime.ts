/**
 * ISO 8601 timestamps by arithmetic rather than through `Date`: adapters format one or two stamps for every listed
 * contact, and `Date` (a parse, an object, `toISOString`) was a visible share of a listing. Both directions use
 * the days-from-civil algorithms of H. Hinnant's chrono; each is tested against `Date` over the range it takes.
 */

/** The last second an ISO 8601 timestamp with a four-digit year can name (9999-12-31T23:59:59Z). */
export const maxIsoSeconds = 253402300799

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`)

/** `new Date(seconds * 1000).toISOString()` for whole seconds from 1970 to 9999 (`…T12:00:00.000Z`). */
export const isoFromWholeSeconds = (seconds: number): string => {
  const days = Math.floor(seconds / 86_400)
  const inDay = seconds - days * 86_400
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const dayOfEra = z - era * 146_097
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const mp = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  const hours = Math.floor(inDay / 3_600)
  const minutes = Math.floor((inDay % 3_600) / 60)
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}T${pad2(hours)}:${pad2(minutes)}:${
    pad2(inDay % 60)
  }.000Z`
}

const isLeap = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)

/** The days of `month` (1–12) in `year`. */
export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeap(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31

/**
 * Seconds since the epoch of a UTC calendar date and time of day, for a date that exists (the caller checks the
 * ranges): `Date.UTC(year, month - 1, day, hours, minutes, seconds) / 1000` for years from 1 on.
 */
export const secondsFromCivil = (
  year: number,
  month: number,
  day: number,
  hours: number,
  minutes: number,
  seconds: number
): number => {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  const days = era * 146_097 + dayOfEra - 719_468
  return days * 86_400 + hours * 3_600 + minutes * 60 + seconds
}
