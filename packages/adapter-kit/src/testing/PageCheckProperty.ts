/**
 * The property every hand-written page check (`DecodeOptions.accepts`, which lets a listing skip the schema's
 * decoder) must have: it accepts every well-formed value, so the fast path is the one taken, and it never accepts
 * what the schema refuses, over well-formed values with any one value inside them replaced by any JSON value.
 * Each function throws fast-check's report (with the counterexample) when the property fails.
 */
import { Schema } from "effect"
import * as fc from "fast-check"

export interface PageCheckOptions {
  /** The hand-written check. */
  readonly check: (value: unknown) => boolean
  /** The schema it stands in for. */
  readonly schema: Schema.Top
  /** Well-formed values: what the vendor sends, with the variations its documents allow. */
  readonly wellFormed: fc.Arbitrary<unknown>
  readonly numRuns?: number
}

type Path = ReadonlyArray<string | number>

/** Every path to a value inside `value` (objects and arrays), the root included. */
const paths = (value: unknown, at: Path = []): Array<Path> => [
  at,
  ...(typeof value === "object" && value !== null
    ? Object.entries(value).flatMap(([key, child]) => paths(child, [...at, Array.isArray(value) ? Number(key) : key]))
    : [])
]

/** `value` with the value at `path` replaced by `by`, copying only along the path. */
const replaced = (value: unknown, path: Path, by: unknown): unknown => {
  if (path.length === 0) return by
  const [head, ...rest] = path as [string | number, ...Path]
  const copy: Record<string | number, unknown> = Array.isArray(value)
    ? [...value] as unknown as Record<number, unknown>
    : { ...(value as object) } as Record<string, unknown>
  copy[head] = replaced(copy[head], rest, by)
  return copy
}

const fail = (what: string, value: unknown) => {
  throw new Error(`${what}: ${JSON.stringify(value)}`)
}

/** The schema and the check both accept every well-formed value. */
export const acceptsEveryWellFormed = (options: PageCheckOptions): void => {
  const schemaAccepts = Schema.is(options.schema)
  fc.assert(
    fc.property(options.wellFormed, (value) => {
      if (!schemaAccepts(value)) fail("the schema refuses a value the arbitrary calls well-formed", value)
      if (!options.check(value)) fail("the check refuses a well-formed value", value)
    }),
    { numRuns: options.numRuns ?? 100 }
  )
}

/** Whatever one value inside a well-formed value is replaced with, the check accepts it only if the schema does. */
export const neverAcceptsWhatTheSchemaRefuses = (options: PageCheckOptions): void => {
  const schemaAccepts = Schema.is(options.schema)
  fc.assert(
    fc.property(
      options.wellFormed.chain((value) =>
        fc.tuple(fc.constant(value), fc.constantFrom(...paths(value)), fc.jsonValue({ maxDepth: 2 }))
      ),
      ([value, path, by]) => {
        const broken = replaced(value, path, by)
        if (options.check(broken) && !schemaAccepts(broken)) fail("the check accepts what the schema refuses", broken)
      }
    ),
    { numRuns: options.numRuns ?? 2_000 }
  )
}
