/**
 * Deskpro's `2024-08-16T14:04:18+0000` → the domain's `2024-08-16T14:04:18Z`. Every listed person has one, so a
 * stamp that is plainly a date and time that exist, in 1970–9999, is read by arithmetic (`IsoTime`); anything else
 * goes through `Date` as it always did, which decides the odd cases (`24:00:00`, offsets past 23 hours). A property
 * test holds the two paths to the same answer.
 */
import { daysInMonth, isoFromWholeSeconds, maxIsoSeconds, secondsFromCivil } from "@contactkit/adapter-kit"

const stamp = /^(.{19})([+-])(\d{2}):?(\d{2})$/u

/** Through `Date`: what every stamp took before the arithmetic, and what it still takes for the odd ones. */
export const timestampByDate = (value: string | null | undefined): string | undefined => {
  const match = value === undefined || value === null ? null : stamp.exec(value)
  if (match === null) return undefined
  const millis = Date.parse(`${match[1]}${match[2]}${match[3]}:${match[4]}`)
  return Number.isNaN(millis) ? undefined : new Date(millis).toISOString().replace(".000Z", "Z")
}

/** The number written by the digits at `from`…`to` of `text`, or -1 when any of them is not a digit. */
const digitsAt = (text: string, from: number, to: number): number => {
  let value = 0
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return -1
    value = value * 10 + digit
  }
  return value
}

/** `YYYY-MM-DDTHH:MM:SS` then a sign, two digits, an optional colon and two digits: read by position. */
const isPlainShape = (text: string) =>
  (text.length === 24 || (text.length === 25 && text[22] === ":")) && text[4] === "-" && text[7] === "-" &&
  text[10] === "T" && text[13] === ":" && text[16] === ":" && (text[19] === "+" || text[19] === "-")

/** `2024-08-16T14:04:18+0000` → `2024-08-16T14:04:18Z`; undefined when it is no such time. */
export const toTimestamp = (value: string | null | undefined): string | undefined => {
  if (value === undefined || value === null || !isPlainShape(value)) return timestampByDate(value)
  const year = digitsAt(value, 0, 4)
  const month = digitsAt(value, 5, 7)
  const day = digitsAt(value, 8, 10)
  const hours = digitsAt(value, 11, 13)
  const minutes = digitsAt(value, 14, 16)
  const seconds = digitsAt(value, 17, 19)
  const offsetHours = digitsAt(value, 20, 22)
  const offsetMinutes = digitsAt(value, value.length - 2, value.length)
  const exists = year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) &&
    hours >= 0 && hours <= 23 && minutes >= 0 && minutes <= 59 && seconds >= 0 && seconds <= 59 &&
    offsetHours >= 0 && offsetHours <= 23 && offsetMinutes >= 0 && offsetMinutes <= 59
  if (!exists) return timestampByDate(value)
  const offset = (value[19] === "-" ? -1 : 1) * (offsetHours * 3_600 + offsetMinutes * 60)
  const utc = secondsFromCivil(year, month, day, hours, minutes, seconds) - offset
  return utc < 0 || utc > maxIsoSeconds ? timestampByDate(value) : `${isoFromWholeSeconds(utc).slice(0, -5)}Z`
}
