/**
 * The fixed work every round of the sync benchmark does: `tenants` jobs, each copying `contacts` generated people
 * from a source account into an empty target account. Sources and targets are mock vendors in child processes
 * (`MockProcess.ts`), vendors taken from the registry by capability (targets that create what they are sent and
 * write a contact's fields with it); four tenants share each source. Targets are emptied before every round.
 */
import { ContactDirectory, type ContactDraft } from "@contactkit/domain"
import { vendors } from "@contactkit/registry"
import type { SyncJob } from "@contactkit/sync"
import type { Vendor } from "@contactkit/vendor-kit"
import { generatedPerson, mockRequest } from "@contactkit/vendor-kit"
import { Context, Effect, Layer, Redacted, type Scope } from "effect"
import { FetchHttpClient } from "effect/http"
import { startMock } from "../MockProcess.ts"

export interface Account {
  readonly vendor: Vendor
  readonly origin: string
  /** The credential reference runners resolve: `<REF>_MOCK` points at `origin`. */
  readonly credential: string
}

export interface SyncWork {
  readonly tenants: number
  readonly contacts: number
  readonly sources: ReadonlyArray<Account>
  readonly targets: ReadonlyArray<Account>
  readonly jobs: ReadonlyArray<SyncJob.SyncJob>
  /** The variables a runner needs to reach every account (no rate limits: the engine is what is measured). */
  readonly variables: Readonly<Record<string, string>>
  /** Empties every target. */
  readonly reset: Effect.Effect<void, Error>
}

const tenantsPerSource = 4

const isPlainTarget = (vendor: Vendor) =>
  vendor.capabilities.remove && !vendor.capabilities.dedupeOnCreate &&
  vendor.capabilities.fieldOperations === "readModifyWrite"

export const directoryAt = (account: Account): Effect.Effect<ContactDirectory.Service, never, Scope.Scope> =>
  Effect.map(
    Layer.build(
      account.vendor.atMock(`${account.origin}${account.vendor.apiPath}`, Redacted.make(account.vendor.mockApiKey), {
        rateLimit: false
      }).pipe(Layer.provide(FetchHttpClient.layer))
    ),
    (context) => Context.get(context, ContactDirectory)
  )

const person = (i: number): ContactDraft => {
  const p = generatedPerson(i)
  return {
    kind: "individual",
    name: { given: p.first, family: `${p.last}${i}` },
    organization: { name: p.company },
    fields: [{ _tag: "Email", address: p.email, context: "work" }, { _tag: "Phone", number: p.phone, features: [] }]
  }
}

export const prepare = (tenants: number, contacts: number): Effect.Effect<SyncWork, unknown, Scope.Scope> =>
  Effect.gen(function*() {
    const sourceVendors = vendors
    const targetVendors = vendors.filter(isPlainTarget)
    const sources: Array<Account> = []
    for (let k = 0; k < Math.ceil(tenants / tenantsPerSource); k++) {
      const vendor = sourceVendors[k % sourceVendors.length]!
      sources.push({ vendor, origin: yield* startMock(vendor.name), credential: `bs${k}` })
    }
    const targets: Array<Account> = []
    for (let i = 0; i < tenants; i++) {
      const vendor = targetVendors[(i + 1) % targetVendors.length]!
      targets.push({ vendor, origin: yield* startMock(vendor.name), credential: `bt${i}` })
    }
    const reset = Effect.forEach(
      [...sources, ...targets],
      (account) => mockRequest(`${account.origin}/__admin/reset`, { method: "POST" }),
      { discard: true }
    )
    yield* reset
    yield* Effect.forEach(sources, (account, k) =>
      Effect.flatMap(directoryAt(account), (directory) =>
        Effect.forEach(
          Array.from({ length: contacts }, (_, i) => k * 100_000 + i),
          (i) => directory.create(person(i)),
          { concurrency: 16, discard: true }
        )), { discard: true })
    const variables: Record<string, string> = {}
    for (const account of [...sources, ...targets]) {
      variables[`${account.credential.toUpperCase()}_MOCK`] = account.origin
    }
    const jobs = targets.map((target, i): SyncJob.SyncJob => {
      const source = sources[Math.floor(i / tenantsPerSource)]!
      return {
        jobId: `bench-${i}`,
        tenant: `bench-${i}`,
        source: { vendor: source.vendor.name, credential: source.credential },
        target: { vendor: target.vendor.name, credential: target.credential }
      }
    })
    const resetTargets = Effect.forEach(
      targets,
      (account) => mockRequest(`${account.origin}/__admin/reset`, { method: "POST" }),
      { discard: true }
    )
    return { tenants, contacts, sources, targets, jobs, variables, reset: resetTargets }
  })
