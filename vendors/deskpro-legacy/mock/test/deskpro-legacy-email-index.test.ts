/**
 * The address index behind `emailInHelpdesk` answers what reading every person's e-mails in the helpdesk answers,
 * after any adds and removals of e-mail records and people, duplicates across helpdesks included.
 */
import { assert, describe, it } from "@effect/vitest"
import * as fc from "fast-check"
import { seededState } from "../src/LegacySeed.ts"
import {
  emailInHelpdesk,
  emailsOf,
  type LegacyState,
  peopleOf,
  personOf,
  withEmail,
  withoutEmail,
  withoutPerson
} from "../src/LegacyState.ts"

const addresses = ["a@x.example", "B@x.example", "b@x.example", "c@y.example"]

const scan = (state: LegacyState, helpdesk: number, address: string) =>
  peopleOf(state, helpdesk).flatMap((person) => emailsOf(state, person)).find((row) =>
    row.email === address.toLowerCase()
  )

describe("emailInHelpdesk", () => {
  it("finds what a scan of the helpdesk finds, after any writes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("add", "remove", "drop"), fc.nat(9), fc.nat(3)), { maxLength: 60 }),
        (ops) => {
          let state = seededState()
          for (const [op, n, a] of ops) {
            const person = peopleOf(state, 1 + (n % 2))[Math.floor(n / 2)]
            if (person === undefined) continue
            if (op === "add") state = withEmail(state, person, addresses[a]!, "", 0)[2]
            if (op === "remove" && person.emailIds.length > 0) {
              state = withoutEmail(state, person, person.emailIds[a % person.emailIds.length]!)
            }
            if (op === "drop") state = withoutPerson(state, personOf(state, person.helpdesk, person.id)!)
          }
          for (const helpdesk of [1, 2]) {
            for (const address of [...addresses, "ada@analytical.example", "nobody@z.example"]) {
              assert.deepStrictEqual(emailInHelpdesk(state, helpdesk, address), scan(state, helpdesk, address))
            }
          }
        }
      )
    )
  })
})
