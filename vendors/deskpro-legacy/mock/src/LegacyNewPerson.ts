/**
 * A person row as Deskpro creates one: the name split as `Person::setName` splits it, no organization, no e-mail or
 * contact data yet, Deskpro's defaults for the rest. The create route, the demo seed and the seed with a count all
 * start from it.
 */
import { splitName } from "./LegacyPersonInput.ts"
import type { PersonRow } from "./LegacyState.ts"

export const newPerson = (
  id: number,
  helpdesk: number,
  name: string,
  createdAt: number,
  labels: ReadonlyArray<string> = []
): PersonRow => ({
  id,
  helpdesk,
  ...splitName(name),
  summary: "",
  organizationId: null,
  organizationPosition: "",
  timezone: "UTC",
  isDisabled: false,
  disableAutoresponses: false,
  labels,
  primaryEmailId: null,
  emailIds: [],
  detailIds: [],
  createdAt
})
