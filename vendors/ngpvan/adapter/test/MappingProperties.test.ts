/**
 * Properties of NgpvanMapping against what NGP's server stores (`echo`), for generated drafts cut to what the
 * capabilities accept:
 * - created, a draft reads back exactly as `project` says;
 * - updated over any stored contact, it reads back exactly as `project` says, and what the adapter does not map
 *   (codes, disclosures, each email's opt-out and lists) is still there;
 * - the body never carries two entries of one type (NGP's one-per-type rule).
 */
import { type ContactDraft, project, validate } from "@contactkit/domain"
import { contactDraftArb } from "@contactkit/domain/testing"
import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit } from "effect"
import fc from "fast-check"
import { NgpvanCapabilities as capabilities, NgpvanMapping } from "../src/index.ts"
import { echoCreate, echoUpdate } from "./echo.ts"

const runs = { numRuns: 300 }

/** A generated draft cut to what NGP accepts: refused fields dropped, the required names filled in. */
const storable = (draft: ContactDraft): ContactDraft => {
  const { origins } = project(capabilities, draft)
  const name = { ...draft.name, given: draft.name.given ?? "Given", family: draft.name.family ?? "Family" }
  return { ...draft, name, fields: origins.map((i) => draft.fields[i]!) }
}

const accepted = (draft: ContactDraft) => {
  const exit = Effect.runSyncExit(validate(capabilities, draft))
  assert.isTrue(Exit.isSuccess(exit), `refused: ${JSON.stringify(draft)} ${String(exit)}`)
  return Exit.isSuccess(exit) ? exit.value : draft
}

const comparable = (c: ContactDraft): ContactDraft => ({
  kind: c.kind,
  name: c.name,
  organization: c.organization,
  fields: c.fields
})

const storableArb = contactDraftArb.map(storable)

describe("NgpvanMapping properties", () => {
  it("a draft NGP accepts is created and read back exactly as project says", () =>
    fc.assert(
      fc.property(storableArb, (draft) => {
        const wire = echoCreate(NgpvanMapping.toNgpvanInput(accepted(draft)), "VNM8XG2B217")
        const read = NgpvanMapping.toContact(wire)
        assert.deepStrictEqual(comparable(read), comparable(project(capabilities, draft).contact))
      }),
      runs
    ))

  it("an update reads back as project says, keeping codes, disclosures and opt-outs", () =>
    fc.assert(
      fc.property(storableArb, storableArb, fc.boolean(), (first, second, optOut) => {
        const created = echoCreate(NgpvanMapping.toNgpvanInput(accepted(first)), "VNM8XG2B217")
        const emails = (created.emails ?? []).map((e) => ({ ...e, doNotEmail: optOut }))
        const stored = { ...created, emails, contactCodes: [{ contactCodeId: 27 }] }
        // The second draft keeps the first one's email addresses, so their opt-out has somewhere to stay.
        const after = {
          ...second,
          fields: [
            ...first.fields.filter((f) => f._tag === "Email"),
            ...second.fields.filter((f) => f._tag !== "Email")
          ]
        }
        const next = storable(after)
        const updated = echoUpdate(stored, NgpvanMapping.toNgpvanUpdate(stored, accepted(next)))
        assert.deepStrictEqual(
          comparable(NgpvanMapping.toContact(updated)),
          comparable(project(capabilities, next).contact)
        )
        assert.deepStrictEqual((updated as Record<string, unknown>)["contactCodes"], [{ contactCodeId: 27 }])
        for (const email of updated.emails ?? []) {
          const before = emails.find((e) => e.address.toLowerCase() === email.address.toLowerCase())
          if (before !== undefined) assert.strictEqual(email.doNotEmail, optOut, email.address)
        }
      }),
      runs
    ))

  it("a body never holds two emails, phones or addresses of one type", () =>
    fc.assert(
      fc.property(storableArb, (draft) => {
        const input = NgpvanMapping.toNgpvanInput(accepted(draft))
        for (const list of [input.emails, input.phones, input.addresses]) {
          const types = list.map((entry) => entry.type)
          assert.strictEqual(new Set(types).size, types.length, JSON.stringify(list))
        }
      }),
      runs
    ))
})
