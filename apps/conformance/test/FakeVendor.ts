/**
 * A vendor the suite's own tests can break one piece at a time: the domain's memory directory behind a pretend
 * transport. Injected faults answer the next matching calls as an adapter would see them (429 → `RateLimited`,
 * 5xx → `VendorUnavailable`, a delay past the client's timeout → `VendorUnavailable` after the vendor did the
 * work anyway), reads and 429s are retried within a budget, a write answered 5xx or timed out is never retried
 * and may have happened; every attempt counts as a request sent; `remove` without delete support is refused before
 * anything is sent; vendor data the domain does not model is kept beside the contacts. Unbroken, it passes every
 * scenario its capabilities do not rule out (the positive control); each saboteur changes one thing.
 */
import {
  type Capabilities,
  ContactDirectory,
  ContactError,
  type ContactErrorReason,
  type ContactId,
  makeMemory,
  type Operation,
  RateLimited,
  Unauthorized,
  Unsupported,
  VendorUnavailable
} from "@contactkit/domain"
import { Duration, Effect, Ref, Stream } from "effect"
import type { Fault, HarnessControl } from "../src/Harness.ts"

export interface FakeVendor {
  readonly directory: ContactDirectory["Service"]
  readonly control: HarnessControl["Service"]
  /** The contacts carrying vendor data the domain does not model (what `control.unmodelled` reads). */
  readonly vendorData: Set<ContactId>
}

type Method = NonNullable<Fault["method"]>

const methodOf: Record<Operation, Method> = {
  "list": "GET",
  "get": "GET",
  "create": "POST",
  "update": "PUT",
  "remove": "DELETE",
  "fields.list": "GET",
  "fields.add": "PUT",
  "fields.update": "PUT",
  "fields.remove": "PUT"
}

/** Takes the first fault matching `method`, consuming one of its count. */
const takeFault =
  (method: Method) => (faults: ReadonlyArray<Fault>): readonly [Fault | undefined, ReadonlyArray<Fault>] => {
    const index = faults.findIndex((fault) => fault.method === undefined || fault.method === method)
    if (index === -1) return [undefined, faults]
    const fault = faults[index]!
    const rest = fault.count > 1
      ? faults.map((f, i) => (i === index ? { ...f, count: f.count - 1 } : f))
      : faults.filter((_, i) => i !== index)
    return [fault, rest]
  }

/** A directory answering every call with `reason`, as one with a credential the vendor refuses. */
export const refusingDirectory = (
  base: ContactDirectory["Service"],
  reason: ContactErrorReason
): ContactDirectory["Service"] => {
  const fail = (operation: Operation) => () => Effect.fail(new ContactError({ vendor: base.vendor, operation, reason }))
  return ContactDirectory.of({
    ...base,
    list: () => Stream.fail(new ContactError({ vendor: base.vendor, operation: "list", reason })),
    get: fail("get"),
    create: fail("create"),
    update: fail("update"),
    remove: fail("remove"),
    fields: {
      list: fail("fields.list"),
      add: fail("fields.add"),
      update: fail("fields.update"),
      remove: fail("fields.remove")
    }
  })
}

/** The timeout of the fake's own directory, as an adapter's default. */
const defaultTimeoutMs = 30_000

export interface FakeOptions {
  /** Attempts per call: the retry budget (default 3; 1 retries nothing). */
  readonly attempts?: number
}

export const makeFakeVendor = (capabilities: Capabilities, options: FakeOptions = {}): Effect.Effect<FakeVendor> =>
  Effect.gen(function*() {
    const memory = yield* makeMemory(capabilities)
    const faults = yield* Ref.make<ReadonlyArray<Fault>>([])
    const sent = yield* Ref.make(0)
    const vendorData = new Set<ContactId>()
    const fail = (operation: Operation, reason: ContactErrorReason) =>
      new ContactError({ vendor: capabilities.vendor, operation, reason })

    /**
     * One call through the pretend transport: faults answer instead of the vendor, then the retry policy. A latency
     * fault longer than `timeoutMs` is a client that gave up: the vendor still does the work if the fault says so.
     */
    const send =
      (timeoutMs: number) =>
      <A>(operation: Operation, call: Effect.Effect<A, ContactError>): Effect.Effect<A, ContactError> => {
        const method = methodOf[operation]
        const attempt = Effect.gen(function*() {
          yield* Ref.update(sent, (n) => n + 1)
          const fault = yield* Ref.modify(faults, takeFault(method))
          if (fault === undefined) return yield* call
          if (fault.kind === "latency") {
            if ((fault.latencyMs ?? 0) <= timeoutMs) return yield* call
            if (fault.completeWrite === true) yield* Effect.ignore(call)
            const reason = new VendorUnavailable({ detail: "timed out", mayHaveSucceeded: method !== "GET" })
            return yield* Effect.fail(fail(operation, reason))
          }
          if (fault.kind === "rateLimit") return yield* Effect.fail(fail(operation, new RateLimited({})))
          // Nothing was processed, but a client cannot know that of a write answered 5xx.
          const reason = new VendorUnavailable({ status: fault.status ?? 500, mayHaveSucceeded: method !== "GET" })
          return yield* Effect.fail(fail(operation, reason))
        })
        return Effect.retry(attempt, { times: (options.attempts ?? 3) - 1, while: (error) => error.isRetryable })
      }

    const directoryWith = (timeoutMs: number): ContactDirectory["Service"] => {
      const call = send(timeoutMs)
      return ContactDirectory.of({
        ...memory,
        list: (options) => Stream.unwrap(call("list", Effect.succeed(memory.list(options)))),
        get: (id) => call("get", memory.get(id)),
        create: (draft) => call("create", memory.create(draft)),
        update: (id, patch) => call("update", memory.update(id, patch)),
        remove: (id) =>
          capabilities.remove
            ? call("remove", memory.remove(id))
            : Effect.fail(fail("remove", new Unsupported({ issues: [{ path: [], message: "no delete" }] }))),
        fields: {
          list: (id) => call("fields.list", memory.fields.list(id)),
          add: (id, field) => call("fields.add", memory.fields.add(id, field)),
          update: (id, ref, field) => call("fields.update", memory.fields.update(id, ref, field)),
          remove: (id, ref) => call("fields.remove", memory.fields.remove(id, ref))
        }
      })
    }
    const directory = directoryWith(defaultTimeoutMs)

    const control: HarnessControl["Service"] = {
      injectFault: (fault) => Ref.update(faults, (all) => [...all, fault]),
      clearFaults: Ref.set(faults, []),
      withBadCredentials: Effect.succeed(refusingDirectory(memory, new Unauthorized({}))),
      withTimeout: (timeout) => Effect.succeed(directoryWith(Duration.toMillis(Duration.fromInputUnsafe(timeout)))),
      unmodelled: {
        attach: (id) => Effect.sync(() => void vendorData.add(id)),
        isIntact: (id) => Effect.sync(() => vendorData.has(id))
      },
      violations: Effect.succeed([]),
      requestsSent: Ref.get(sent)
    }
    return { directory, control, vendorData }
  })
