/**
 * Deskpro's `2024-08-16T14:04:18+0000` → the domain's `2024-08-16T14:04:18Z`. Every listed person has one, so a
 * stamp that is plainly a date and time that exist, in 1970–9999, is read by arithmetic (`IsoTime`); anything else
 * goes through `Date` as it always did, which decides the odd cases (`24:00:00`, offsets past 23 hours). A property
 * test holds the two paths to the same answer.
 */
import { daysInMonth, isoFromWholeSeconds, maxIsoSeconds, secondsFromCivil } from "@contactkit/adapter-kit"

const stamp = /^(.{19})([+-])(\d{2}):?(\d{2})$/u
const plain = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/u

/** Through `Date`: what every stamp took before the arithmetic, and what it still takes for the odd ones. */
export const timestampByDate = (value: string | null | undefined): string | undefined => {
  const match = value === undefined || value === null ? null : stamp.exec(value)
  if (match === null) return undefined
  const millis = Date.parse(`${match[1]}${match[2]}${match[3]}:${match[4]}`)
  return Number.isNaN(millis) ? undefined : new Date(millis).toISOString().replace(".000Z", "Z")
}

/** `2024-08-16T14:04:18+0000` → `2024-08-16T14:04:18Z`; undefined when it is no such time. */
export const toTimestamp = (value: string | null | undefined): string | undefined => {
  const match = value === undefined || value === null ? null : stamp.exec(value)
  const civil = match === null ? null : plain.exec(match[1]!)
  if (match === null || civil === null) return timestampByDate(value)
  const [year, month, day, hours, minutes, seconds] = civil.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number
  ]
  const offsetHours = Number(match[3])
  const offsetMinutes = Number(match[4])
  const exists = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hours <= 23 &&
    minutes <= 59 && seconds <= 59 && offsetHours <= 23 && offsetMinutes <= 59
  if (!exists) return timestampByDate(value)
  const offset = (match[2] === "-" ? -1 : 1) * (offsetHours * 3_600 + offsetMinutes * 60)
  const utc = secondsFromCivil(year, month, day, hours, minutes, seconds) - offset
  return utc < 0 || utc > maxIsoSeconds ? timestampByDate(value) : `${isoFromWholeSeconds(utc).slice(0, -5)}Z`
}
