/**
 * The plan's rules, for all inputs: with no links every listed contact is created or refused; a plan run against
 * the links its own writes would leave changes nothing; a changed contact is updated in place; a link whose
 * contact is not listed is removed — or refused when the target cannot delete — and nothing else is.
 */
import { type Capabilities, lossless } from "@contactkit/domain"
import { contactDraftArb } from "@contactkit/domain/testing"
import { assert, describe, it } from "@effect/vitest"
import fc from "fast-check"
import { contentHash } from "../src/ContentHash.ts"
import { type Link, plan, type SourceEntry, sourceEntry } from "../src/SyncPlan.ts"

const listingArb = fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z0-9]{1,8}$/u), contactDraftArb), {
  selector: ([id]) => id,
  maxLength: 12
}).map((pairs) => pairs.map(([id, draft]) => sourceEntry(id, draft)))

/** The links the plan's own writes would leave: every written contact at target id `t-<source id>`. */
const linksAfter = (listing: ReadonlyArray<SourceEntry>, written: ReadonlySet<string>): Map<string, Link> =>
  new Map(
    listing.filter((entry) => written.has(entry.sourceId)).map((entry) => [entry.sourceId, {
      sourceId: entry.sourceId,
      targetId: `t-${entry.sourceId}`,
      hash: entry.hash,
      pendingFingerprint: null
    }])
  )

const targets: ReadonlyArray<Capabilities> = [lossless, { ...lossless, vendor: "no-delete", remove: false }]

describe("SyncPlan", () => {
  it("with no links, every listed contact is created or refused, once", () =>
    fc.assert(fc.property(listingArb, (listing) => {
      const result = plan(lossless, listing, new Map())
      assert.strictEqual(result.unchanged, 0)
      assert.isTrue(result.operations.every((op) => op._tag === "Create"))
      const decided = [...result.operations.map((op) => op.sourceId), ...result.refused.map((r) => r.sourceId)]
      assert.sameMembers(decided, listing.map((entry) => entry.sourceId))
    })))

  it("a plan against the links its own writes leave writes nothing", () =>
    fc.assert(fc.property(listingArb, (listing) => {
      const first = plan(lossless, listing, new Map())
      const written = new Set(first.operations.map((op) => op.sourceId))
      const second = plan(lossless, listing, linksAfter(listing, written))
      assert.deepStrictEqual(second.operations, [])
      assert.strictEqual(second.unchanged, written.size)
    })))

  it("a changed contact is updated at its target id; an unchanged one is left alone", () =>
    fc.assert(fc.property(listingArb, contactDraftArb, (listing, replacement) => {
      fc.pre(listing.length > 0)
      const links = linksAfter(listing, new Set(listing.map((entry) => entry.sourceId)))
      const [changed, ...rest] = listing
      const edited = sourceEntry(changed!.sourceId, replacement)
      fc.pre(edited.hash !== changed!.hash)
      const result = plan(lossless, [edited, ...rest], links)
      const writes = result.operations.filter((op) => op.sourceId === changed!.sourceId)
      if (result.refused.some((r) => r.sourceId === changed!.sourceId)) {
        assert.deepStrictEqual(writes, [])
      } else {
        assert.strictEqual(writes.length, 1)
        assert.deepInclude(writes[0], { _tag: "Update", targetId: `t-${changed!.sourceId}`, hash: edited.hash })
      }
      assert.isTrue(result.operations.every((op) => op.sourceId === changed!.sourceId))
    })))

  for (const target of targets) {
    it(`a linked contact no longer listed is ${target.remove ? "removed" : "refused"}, and nothing else`, () =>
      fc.assert(fc.property(listingArb, fc.nat(), (listing, pick) => {
        fc.pre(listing.length > 0)
        const links = linksAfter(listing, new Set(listing.map((entry) => entry.sourceId)))
        const gone = listing[pick % listing.length]!
        const result = plan(target, listing.filter((entry) => entry !== gone), links)
        if (target.remove) {
          assert.deepStrictEqual(result.operations, [{
            _tag: "Remove",
            sourceId: gone.sourceId,
            targetId: `t-${gone.sourceId}`,
            fingerprint: null
          }])
        } else {
          assert.deepStrictEqual(result.operations, [])
          assert.include(result.refused.map((r) => r.sourceId), gone.sourceId)
        }
      })))
  }

  it("a create whose outcome is unknown is planned again, with the target searched for its fingerprint first", () => {
    const entry = sourceEntry("a1", {
      kind: "individual",
      name: { given: "Ada" },
      organization: {},
      fields: [{ _tag: "Email", address: "ada@example.com" }]
    })
    const pending: Link = { sourceId: "a1", targetId: null, hash: null, pendingFingerprint: "f" }
    const result = plan(lossless, [entry], new Map([["a1", pending]]))
    assert.deepInclude(result.operations[0], {
      _tag: "Create",
      sourceId: "a1",
      fingerprint: contentHash(entry.content)
    })
    const removed = plan(lossless, [], new Map([["a1", pending]]))
    assert.deepStrictEqual(removed.operations, [{ _tag: "Remove", sourceId: "a1", targetId: null, fingerprint: "f" }])
  })
})
