/**
 * A vendor the suite's own tests can break one piece at a time: the domain's memory directory behind a pretend
 * transport. Injected faults answer the next matching calls as an adapter would see them (429 → `RateLimited`,
 * 5xx → `VendorUnavailable`), reads and 429s are retried within a budget, a write answered 5xx is never retried
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
import { Effect, Ref, Stream } from "effect"
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

    /** One call through the pretend transport: faults answer instead of the vendor, then the retry policy. */
    const send = <A>(operation: Operation, call: Effect.Effect<A, ContactError>): Effect.Effect<A, ContactError> => {
      const method = methodOf[operation]
      const attempt = Effect.gen(function*() {
        yield* Ref.update(sent, (n) => n + 1)
        const fault = yield* Ref.modify(faults, takeFault(method))
        if (fault === undefined) return yield* call
        if (fault.kind === "rateLimit") return yield* Effect.fail(fail(operation, new RateLimited({})))
        // Nothing was processed, but a client cannot know that of a write answered 5xx.
        const reason = new VendorUnavailable({ status: fault.status ?? 500, mayHaveSucceeded: method !== "GET" })
        return yield* Effect.fail(fail(operation, reason))
      })
      return Effect.retry(attempt, { times: (options.attempts ?? 3) - 1, while: (error) => error.isRetryable })
    }

    const directory = ContactDirectory.of({
      ...memory,
      list: (options) => Stream.unwrap(send("list", Effect.succeed(memory.list(options)))),
      get: (id) => send("get", memory.get(id)),
      create: (draft) => send("create", memory.create(draft)),
      update: (id, patch) => send("update", memory.update(id, patch)),
      remove: (id) =>
        capabilities.remove
          ? send("remove", memory.remove(id))
          : Effect.fail(fail("remove", new Unsupported({ issues: [{ path: [], message: "no delete" }] }))),
      fields: {
        list: (id) => send("fields.list", memory.fields.list(id)),
        add: (id, field) => send("fields.add", memory.fields.add(id, field)),
        update: (id, ref, field) => send("fields.update", memory.fields.update(id, ref, field)),
        remove: (id, ref) => send("fields.remove", memory.fields.remove(id, ref))
      }
    })

    const control: HarnessControl["Service"] = {
      injectFault: (fault) => Ref.update(faults, (all) => [...all, fault]),
      clearFaults: Ref.set(faults, []),
      withBadCredentials: Effect.succeed(refusingDirectory(memory, new Unauthorized({}))),
      unmodelled: {
        attach: (id) => Effect.sync(() => void vendorData.add(id)),
        isIntact: (id) => Effect.sync(() => vendorData.has(id))
      },
      violations: Effect.succeed([]),
      requestsSent: Ref.get(sent)
    }
    return { directory, control, vendorData }
  })
