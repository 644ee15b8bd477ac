/**
 * Keeping secrets out of error text. Anything an adapter copies from the wire or from a
 * transport failure into a `ContactError` (a vendor message, a body excerpt, a cause) passes
 * through a `Scrub` first, so an API key echoed back by a vendor or a proxy never leaves.
 */
import { Redacted } from "effect"

/** Replaces every occurrence of a known secret in a piece of text. */
export type Scrub = (text: string) => string

/** The longest body excerpt an error may carry. */
export const maxExcerptLength = 200

export const makeScrub = (secrets: ReadonlyArray<Redacted.Redacted<string>>): Scrub => {
  // Very short values would mangle ordinary text and are not credentials anyone should use.
  const values = secrets.map((secret) => Redacted.value(secret)).filter((value) => value.length >= 4)
  return (text) => values.reduce((acc, value) => acc.split(value).join("[redacted]"), text)
}

/** The first `max` characters of a scrubbed text, marked when cut. */
export const excerpt = (text: string, scrub: Scrub, max: number = maxExcerptLength): string => {
  const clean = scrub(text)
  return clean.length <= max ? clean : `${clean.slice(0, max - 1)}…`
}
