/**
 * What one walk of `project` over a contact collects: the losses and the rejections every rule
 * family reports into, and the small vocabulary those rule modules share. One walk feeds both
 * readings (`project` and `validate`), which is why they cannot disagree.
 */
import type { FieldRule } from "./Capabilities.ts"
import type { Issue } from "./ContactError.ts"
import type { ContactField, FieldKind } from "./ContactField.ts"

/** A problem `validate` reports, and which reason it belongs to. */
export interface Rejection extends Issue {
  readonly reason: "InvalidContact" | "Unsupported"
}

export interface Walk {
  readonly losses: Array<Issue>
  readonly rejected: Array<Rejection>
}

/** A field the walk keeps, with its index among the input's fields. */
export interface Kept {
  readonly field: ContactField
  readonly origin: number
}

export type Path = ReadonlyArray<string | number>
/** A field rule read without its kind: the rule modules work on any field. */
export type Rule = FieldRule<FieldKind>
export type Mutable = Record<string, unknown>

/** Records a rejection; unless nothing can be dropped to repair it, also the loss of what it names. */
export const reject = (walk: Walk, path: Path, message: string, reason: Rejection["reason"], dropped = true) => {
  walk.rejected.push({ path, message, reason })
  if (dropped) walk.losses.push({ path, message })
}

/** `"a", "b"`: values as the messages quote them. */
export const quoteList = (values: ReadonlyArray<string>) => values.map((v) => JSON.stringify(v)).join(", ")
