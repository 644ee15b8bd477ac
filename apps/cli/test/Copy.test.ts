/**
 * `contactkit copy` end to end, against the mocks: the loss report comes before the first write, every source
 * contact arrives exactly once, a rerun with the same state file sends the target no write at all, and a copy cut
 * short by faults injected through the target mock's admin API (answers cut after the write, dropped connections,
 * 503s) and started again still ends with each contact at the target exactly once — counted at the mock.
 */
import type { Contact } from "@contactkit/domain"
import { assert, layer } from "@effect/vitest"
import { Effect, Fiber } from "effect"
import { join } from "node:path"
import { admin, contactkit, contactsAt, mocksLayer, requestsAt } from "./CliHarness.ts"
import { tempDir } from "./TempDir.ts"
import { kindsLost, source, target } from "./Vendors.ts"

/** Who a contact is, without the CLI's help: its first e-mail address (unique in the demo data), else its name. */
const identity = (contact: Contact) =>
  contact.fields.find((field) => field._tag === "Email")?.address.toLowerCase() ??
    `${contact.name.given ?? ""} ${contact.name.family ?? ""}`

const stateFile = () => join(tempDir("contactkit-test-"), "state.sqlite")

/** The target back to its demo data, so one test's copies are not another's. */
const freshTarget = Effect.andThen(admin(target, "POST", "/reset"), admin(target, "POST", "/seed"))

const copiedOnce = (before: ReadonlyArray<Contact>, sources: ReadonlyArray<Contact>) =>
  Effect.gen(function*() {
    const after = yield* contactsAt(target)
    const added = after.filter((contact) => !before.some((b) => b.id === contact.id))
    assert.strictEqual(added.length, sources.length, "every source contact once, and nothing more")
    assert.sameMembers(added.map(identity), sources.map(identity))
  })

const copy = (...more: ReadonlyArray<string>) => contactkit("copy", "--from", source.name, "--to", target.name, ...more)

layer(mocksLayer, { timeout: "60 seconds", excludeTestServices: true })(
  `contactkit copy (${source.name} → ${target.name})`,
  (it) => {
    it.effect("reports what the target will not hold, copies every contact once, and a rerun writes nothing", () =>
      Effect.gen(function*() {
        yield* freshTarget
        const before = yield* contactsAt(target)
        const sources = yield* contactsAt(source)
        assert.isAbove(sources.length, 0)
        const state = stateFile()

        const dry = yield* copy("--dry-run")
        assert.strictEqual(dry.code, 0)
        assert.include(dry.stdout, `${sources.length} contacts read`)
        for (const kind of kindsLost) assert.match(dry.stdout, new RegExp(`^    ${kind}: .*cannot store`, "mu"))
        assert.include(dry.stdout, "Dry run: nothing was written")
        assert.deepStrictEqual((yield* contactsAt(target)).length, before.length)

        yield* admin(target, "DELETE", "/requests")
        const run = yield* copy("--state", state)
        assert.strictEqual(run.code, 0, run.stderr)
        const reportAt = run.stdout.indexOf("will not hold everything")
        assert.isAtLeast(reportAt, 0)
        assert.isBelow(reportAt, run.stdout.indexOf(`Wrote ${sources.length} new contacts`))
        yield* copiedOnce(before, sources)

        yield* admin(target, "DELETE", "/requests")
        const rerun = yield* copy("--state", state)
        assert.strictEqual(rerun.code, 0)
        assert.include(
          rerun.stdout,
          `Wrote 0 new contacts to ${target.name}; ${sources.length} were written by an earlier run`
        )
        const writes = (yield* requestsAt(target)).filter((request) => request.method !== "GET")
        assert.deepStrictEqual(writes, [], "a rerun sends the target no write")
        yield* copiedOnce(before, sources)
      }))

    it.effect("a copy cut short by faults, started again, ends with each contact at the target exactly once", () =>
      Effect.gen(function*() {
        yield* freshTarget
        const before = yield* contactsAt(target)
        const sources = yield* contactsAt(source)
        const state = stateFile()
        const writes = { method: "POST", path: target.apiPath }
        // Processed but the answer is cut (the outcome is unknown), then not processed at all, then 503s.
        yield* admin(target, "POST", "/faults", { kind: "truncated", count: 2, ...writes })
        yield* admin(target, "POST", "/faults", { kind: "drop", count: 2, ...writes })
        yield* admin(target, "POST", "/faults", { kind: "status", status: 503, count: 12, ...writes })
        yield* admin(target, "DELETE", "/requests")

        const first = yield* copy("--state", state)
        assert.strictEqual(first.code, 1, "the first run says not everything was written")
        assert.include(first.stdout, "could not be written")
        assert.include(first.stdout, "VendorUnavailable")
        assert.include(first.stderr, "contacts were not written")

        // A write whose answer was cut is looked for at the target before it is sent again.
        const log = yield* requestsAt(target)
        const cut = log.findIndex((request) => request.status === 0 && request.method === "POST")
        assert.isAtLeast(cut, 0)
        const resent = log.findIndex((request, i) => i > cut && request.method === "POST")
        assert.isTrue(log.slice(cut + 1, resent).some((request) => request.method === "GET"), "listed before retrying")

        yield* admin(target, "DELETE", "/faults")
        const second = yield* copy("--state", state)
        assert.strictEqual(second.code, 0, second.stdout + second.stderr)
        yield* copiedOnce(before, sources)
      }))

    it.effect("a copy interrupted mid-way (Ctrl-C) and started again ends with each contact at the target once", () =>
      Effect.gen(function*() {
        yield* freshTarget
        const before = yield* contactsAt(target)
        const sources = yield* contactsAt(source)
        const state = stateFile()
        // Slow writes, so the interruption lands with a write in flight.
        yield* admin(target, "POST", "/faults", { kind: "latency", latencyMs: 60, probability: 1, method: "POST" })
        const running = yield* Effect.forkChild(copy("--state", state))
        // Interrupted once the first contacts have arrived (at most 10 s on), however fast the machine.
        for (let waited = 0; waited < 10_000; waited += 50) {
          yield* Effect.sleep("50 millis")
          if ((yield* contactsAt(target)).length >= before.length + 2) break
        }
        yield* Fiber.interrupt(running)
        yield* admin(target, "DELETE", "/faults")
        const partly = (yield* contactsAt(target)).length - before.length
        assert.isAbove(partly, 0, "some were written before the interruption")
        assert.isBelow(partly, sources.length, "and not all")

        const again = yield* copy("--state", state)
        assert.strictEqual(again.code, 0, again.stdout + again.stderr)
        assert.include(again.stdout, `${partly} were written by an earlier run`)
        yield* copiedOnce(before, sources)
      }))
  }
)
