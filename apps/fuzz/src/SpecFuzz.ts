/**
 * Spec-driven fuzzing of one registered vendor (`FuzzTarget`: its seeded mock behind
 * `prism proxy --errors <openapi.yaml>`), with requests generated from that document (SpecRequests.ts) sent through
 * Prism. Prism refuses what the document forbids and reports every answer the document does not allow, so the
 * report's `violations` are the mock breaking its own vendor's contract; `refusedByPrism` counts generated requests
 * the document rejects (the generator's misses, not the mock's).
 */
import { makePrng } from "@contactkit/mock-platform/testing"
import type { Vendor } from "@contactkit/vendor-kit"
import { Effect } from "effect"
import { FuzzTarget } from "./FuzzTarget.ts"
import { type KnownIds, operations, type SpecRequest, specRequest } from "./SpecRequests.ts"
import { send } from "./SpecSend.ts"

export interface FuzzReport {
  readonly vendor: string
  readonly seed: number
  readonly operations: number
  readonly requests: number
  readonly byStatus: Readonly<Record<string, number>>
  /** Answers 5xx (from the mock, or from Prism for an answer the document does not allow). */
  readonly serverErrors: ReadonlyArray<string>
  /** Prism's log lines about answers that break the document. */
  readonly violations: ReadonlyArray<string>
  readonly refusedByPrism: number
}

/** Prism's request-side refusals: a generated request the document does not allow. */
const isRequestRefusal = (line: string) => line.includes("UNPROCESSABLE_ENTITY") || /Violation: request/iu.test(line)

const knownIds = (vendor: Vendor): KnownIds => ({
  seeded: [1, 2, 3, 4, 5],
  tenant: vendor.env.filter((variable) => /^\d{1,9}$/u.test(variable.mockValue)).map((variable) =>
    Number(variable.mockValue)
  )
})

/** Fuzzes the target's vendor, from its freshly seeded state, with `perOperation` requests for each operation. */
export const fuzzVendor = (options: { readonly seed: number; readonly perOperation: number }) =>
  Effect.gen(function*() {
    const { auth, document, newViolations, restart, url, vendor } = yield* FuzzTarget
    yield* restart
    const prng = makePrng(options.seed)
    const ids = knownIds(vendor)
    const requests = operations(document).flatMap((ref) =>
      Array.from({ length: options.perOperation }, () => specRequest(ref, prng, ids, auth))
    )
    // Sequential, so a run reads like a client session (creates, then reads and deletes of what exists).
    const replies = yield* Effect.forEach(requests, (request) => send(url, request))
    const byStatus: Record<string, number> = {}
    const serverErrors: Array<string> = []
    replies.forEach((reply, i) => {
      const request = requests[i] as SpecRequest
      byStatus[String(reply.status)] = (byStatus[String(reply.status)] ?? 0) + 1
      if (reply.status >= 500 || reply.status === 0) {
        serverErrors.push(
          `${request.method} ${request.path} ${request.body ?? ""} → ${reply.status} ${reply.text.slice(0, 300)}`
        )
      }
    })
    const logged = yield* newViolations
    return {
      vendor: vendor.name,
      seed: options.seed,
      operations: operations(document).length,
      requests: requests.length,
      byStatus,
      serverErrors,
      violations: logged.filter((line) => !isRequestRefusal(line)),
      refusedByPrism: logged.filter(isRequestRefusal).length
    } satisfies FuzzReport
  })
