/**
 * How one target write ended, as its activity's durable result. A write never fails its activity: a refusal or a
 * failure is an outcome the run reports, so one bad contact does not stop the others. `checked` marks an outcome
 * read off the target because an earlier attempt's outcome was unknown.
 */
import { Schema } from "effect"

export const Created = Schema.TaggedStruct("Created", {
  sourceId: Schema.String,
  targetId: Schema.String,
  merged: Schema.Boolean,
  checked: Schema.Boolean
})
export const Updated = Schema.TaggedStruct("Updated", {
  sourceId: Schema.String,
  targetId: Schema.String,
  checked: Schema.Boolean
})
export const Removed = Schema.TaggedStruct("Removed", {
  sourceId: Schema.String,
  checked: Schema.Boolean
})
export const Refused = Schema.TaggedStruct("Refused", {
  sourceId: Schema.String,
  label: Schema.String,
  issues: Schema.Array(Schema.String)
})
export const Failed = Schema.TaggedStruct("Failed", {
  sourceId: Schema.String,
  label: Schema.String,
  reason: Schema.String
})

export const WriteOutcome = Schema.Union([Created, Updated, Removed, Refused, Failed])
export type WriteOutcome = typeof WriteOutcome.Type
