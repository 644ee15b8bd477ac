/**
 * The generated bad-request test every mock runs (`badInputSuite`): thousands of requests from BadRequests.ts, over
 * keep-alive connections with some concurrency, against a fresh seeded mock — once with a fixed seed and once with
 * a random seed that is printed (set `CK_BAD_INPUT_SEED` to replay it) — asserting no 5xx, no secret echoed in any
 * answer or in the request log, and no change in the snapshot of every tenant's state (`GET /__admin/state`).
 *
 * ```ts
 * badInputSuite({
 *   module: acme,
 *   tenants: [{ headers: { authorization: "Bearer acme-a" }, secret: "acme-a" }, { headers: …, secret: "acme-b" }],
 *   routes: [{ method: "POST", path: "/api/items", body: { name: "Ada" }, openToOtherTenant: true }, …]
 * })
 * ```
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { layer as mockLayer, MockServer } from "../MockServer.ts"
import { maxBodyBytes } from "../RequestBody.ts"
import { makeRouteIndex } from "../RouteIndex.ts"
import type { VendorModule } from "../VendorModule.ts"
import { checkAuthForms } from "./AuthFormCheck.ts"
import type { BadInputRoute, BadInputTenant, BadRequest, Category } from "./BadRequests.ts"
import { categories, generate } from "./BadRequests.ts"
import { makePrng } from "./Prng.ts"
import { makeRawClient, type RawReply } from "./RawClient.ts"
import { sendAll } from "./SendAll.ts"

export interface BadInputOptions {
  /** The mock under test, with any throttle of its own switched off. */
  readonly module: VendorModule
  readonly tenants: readonly [BadInputTenant, BadInputTenant]
  /** Every route of the vendor's API, each with a concrete path of the first tenant and a valid body for writes. */
  readonly routes: ReadonlyArray<BadInputRoute>
  /** Requests per run, half with the fixed seed and half with the random one (default 10,000). */
  readonly requests?: number
  /** The fixed seed (default 20261201). */
  readonly seed?: number
  /** Requests in flight at once (default 16). */
  readonly concurrency?: number
  /** Every tenant's state, compared before and after; default `GET /__admin/state`. */
  readonly snapshot?: (mockUrl: string) => Effect.Effect<unknown>
  /** Content types under which the vendor reads no JSON body; `undefined` means no Content-Type header. */
  readonly foreignContentTypes?: ReadonlyArray<string | undefined>
  /**
   * The vendor also reads `application/x-www-form-urlencoded` bodies (bracket notation, as PHP does): body
   * categories are then sent as broken forms half the time, and `foreignContentTypes` should leave forms out.
   */
  readonly formBodies?: boolean
}

export interface BadInputReport {
  readonly seed: number
  readonly requests: number
  readonly byCategory: Readonly<Record<string, number>>
  readonly byStatus: Readonly<Record<string, number>>
  /** Requests by the way they presented a credential: `headers`, `other 1`, … (`BadInputTenant.otherAuth`), `none`. */
  readonly byAuth: Readonly<Record<string, number>>
  /** Requests answered 5xx, or with no answer outside the oversized category (where a cut connection is fair). */
  readonly failures: ReadonlyArray<string>
  /** Answers that carried a tenant's secret or the made-up credential of their request. */
  readonly echoes: ReadonlyArray<string>
  readonly stateChanged: boolean
  /** Where the snapshots first differ (a JSON path, and the values before and after), when they do. */
  readonly stateDifference?: string
  /** Writes that were answered 2xx (the likely cause when the state changed). */
  readonly acceptedWrites: ReadonlyArray<string>
  /** Ways of presenting a credential (`BadInputTenant.otherAuth`) proven to authenticate before the run. */
  readonly authFormsChecked: number
  /** Ways that did not authenticate as the tenant's headers do. */
  readonly authProblems: ReadonlyArray<string>
}

const defaultForeignTypes = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  "application/octet-stream",
  undefined
]

// Shares of each category, in percent of a run.
const weights: Readonly<Record<Category, number>> = {
  "malformed-json": 12,
  "truncated-json": 8,
  "wrong-type": 16,
  "wrong-shape": 6,
  "content-type": 8,
  "oversized": 0.4,
  "deep-nesting": 3,
  "hostile-path": 18,
  "method": 8,
  "bad-credentials": 12,
  "other-tenant": 8.6
}

const stateAt = (mockUrl: string) =>
  Effect.promise(() => fetch(`${mockUrl}/__admin/state`).then((response) => response.text())).pipe(
    Effect.map((text) => JSON.parse(text) as unknown)
  )

const describeRequest = (request: BadRequest, reply: RawReply) =>
  `${request.category}: ${request.method} ${request.path.slice(0, 120)} → ${reply.status}${
    reply.error === undefined ? "" : ` (${reply.error})`
  } ${reply.text.slice(0, 160)}`

/** The first place where two JSON values differ, as `path: before → after` (values cut short). */
const firstDifference = (before: unknown, after: unknown, path = "$"): string | undefined => {
  if (JSON.stringify(before) === JSON.stringify(after)) return undefined
  if (before !== null && after !== null && typeof before === "object" && typeof after === "object") {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    for (const key of keys) {
      const found = firstDifference(
        (before as Record<string, unknown>)[key],
        (after as Record<string, unknown>)[key],
        `${path}.${key}`
      )
      if (found !== undefined) return found
    }
  }
  const show = (value: unknown) => (JSON.stringify(value) ?? "undefined").slice(0, 200)
  return `${path}: ${show(before)} → ${show(after)}`
}

const pickCategory = (roll: number): Category => {
  let sum = 0
  for (const category of categories) {
    sum += weights[category]
    if (roll * 100 < sum) return category
  }
  return "hostile-path"
}

/** One run of `count` generated requests with `seed` against the mock in context. */
export const runBadInput = (options: BadInputOptions, seed: number, count: number) =>
  Effect.gen(function*() {
    const { url } = yield* MockServer
    const instance = yield* options.module.make
    const index = makeRouteIndex(instance.routes, { caseInsensitive: options.module.caseInsensitivePaths ?? false })
    const prng = makePrng(seed)
    const context = {
      routes: options.routes,
      tenants: options.tenants,
      foreignContentTypes: options.foreignContentTypes ?? defaultForeignTypes,
      allowedMethods: index.allowedMethods,
      caseInsensitivePaths: options.module.caseInsensitivePaths ?? false,
      maxBodyBytes,
      ...(options.formBodies === true ? { formBodies: true } : {})
    }
    const requests = Array.from({ length: count }, () => generate(pickCategory(prng.next()), context, prng))
    const snapshot = options.snapshot ?? stateAt
    const client = makeRawClient(url, { sockets: options.concurrency ?? 16 })
    // Valid requests (a search may store its result set), so before the snapshot the run is compared with.
    const authCheck = yield* checkAuthForms(client, options.tenants, options.routes)
    const before = JSON.stringify(yield* snapshot(url))
    const replies = yield* Effect.promise(() => sendAll(client, requests, options.concurrency ?? 16)).pipe(
      Effect.ensuring(Effect.sync(client.close))
    )
    const after = JSON.stringify(yield* snapshot(url))
    const log = yield* Effect.promise(() => fetch(`${url}/__admin/requests`).then((response) => response.text()))

    const byCategory: Record<string, number> = {}
    const byStatus: Record<string, number> = {}
    const byAuth: Record<string, number> = {}
    const failures: Array<string> = []
    const echoes: Array<string> = []
    const acceptedWrites: Array<string> = []
    const secrets = options.tenants.map((tenant) => tenant.secret)
    requests.forEach((request, i) => {
      const reply = replies[i] as RawReply
      byCategory[request.category] = (byCategory[request.category] ?? 0) + 1
      byStatus[String(reply.status)] = (byStatus[String(reply.status)] ?? 0) + 1
      const via = request.via === undefined ? "none" : request.via === 0 ? "headers" : `other ${request.via}`
      byAuth[via] = (byAuth[via] ?? 0) + 1
      if (reply.status >= 500 || (reply.status === 0 && request.category !== "oversized")) {
        failures.push(describeRequest(request, reply))
      }
      const seen = `${reply.text}\n${JSON.stringify(reply.headers)}`
      const leaked = [...secrets, ...(request.junkSecret === undefined ? [] : [request.junkSecret])]
        .filter((secret) => seen.includes(secret))
      if (leaked.length > 0) echoes.push(describeRequest(request, reply))
      if (reply.status >= 200 && reply.status < 300 && !["GET", "HEAD"].includes(request.method)) {
        acceptedWrites.push(describeRequest(request, reply))
      }
    })
    const difference = before === after ? undefined : firstDifference(JSON.parse(before), JSON.parse(after))
    for (const secret of secrets) if (log.includes(secret)) echoes.push(`the request log shows a tenant's secret`)
    return {
      seed,
      requests: count,
      byCategory,
      byStatus,
      byAuth,
      failures,
      echoes,
      stateChanged: before !== after,
      ...(difference === undefined ? {} : { stateDifference: difference }),
      acceptedWrites,
      authFormsChecked: authCheck.checked,
      authProblems: authCheck.problems
    } satisfies BadInputReport
  })

const printReport = (name: string, report: BadInputReport) =>
  console.log(
    `[bad-input] ${name} seed ${report.seed}: ${report.requests} requests, ` +
      `${report.failures.length} 5xx or unanswered, ${report.echoes.length} echoed secrets, ` +
      `state ${report.stateChanged ? "CHANGED" : "unchanged"}` +
      (report.authFormsChecked > 0
        ? `, ${report.authFormsChecked} other ways to authenticate checked; by credential ${
          JSON.stringify(report.byAuth)
        }`
        : "") +
      `; by status ${JSON.stringify(report.byStatus)}; ` +
      `by category ${JSON.stringify(report.byCategory)}`
  )

const assertClean = (report: BadInputReport) => {
  assert.deepStrictEqual(report.authProblems, [], "ways of presenting a credential that do not authenticate")
  assert.deepStrictEqual(report.failures.slice(0, 10), [], "5xx or unanswered requests")
  assert.deepStrictEqual(report.echoes.slice(0, 10), [], "answers that echoed a secret")
  assert.isFalse(
    report.stateChanged,
    `bad input changed the state (${report.stateDifference}); writes answered 2xx:\n${
      report.acceptedWrites.slice(0, 10).join("\n")
    }`
  )
}

/** Registers the generated bad-request test of one mock: a fixed-seed run and a random-seed run, each fresh. */
export const badInputSuite = (options: BadInputOptions): void => {
  const total = options.requests ?? 10_000
  const fixed = options.seed ?? 20261201
  const fromEnv = Number(process.env["CK_BAD_INPUT_SEED"])
  const random = Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : Math.floor(Math.random() * 2 ** 31)
  const runs = [
    ["fixed seed", fixed, Math.ceil(total / 2)],
    ["random seed", random, Math.floor(total / 2)]
  ] as const
  describe(`${options.module.name} mock under generated bad input`, () => {
    for (const [label, seed, count] of runs) {
      it.effect(
        `${label} ${seed}: ${count} requests, no 5xx, no echoed secret, no state change`,
        () =>
          Effect.gen(function*() {
            const report = yield* runBadInput(options, seed, count)
            printReport(options.module.name, report)
            assertClean(report)
          }).pipe(Effect.provide(Layer.fresh(mockLayer(options.module, { port: 0, seed: true })))),
        120_000
      )
    }
  })
}
