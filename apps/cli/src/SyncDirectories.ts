/**
 * The sync engine's way to the vendors, when the CLI runs it: an endpoint (vendor + credential reference) is the
 * vendor choice the user typed — `acme` is the reference `default`, `acme@work` the reference `work` — opened
 * through the CLI's own `Directories`, so `--mocks`, `--env-file` and profiles work as for `copy`.
 */
import { ContactDirectory } from "@contactkit/domain"
import { vendorNamed } from "@contactkit/registry"
import { Credentials, SyncDirectories, SyncJob } from "@contactkit/sync"
import { Context, Effect, Layer } from "effect"
import { Directories } from "./Directories.ts"
import type { RootSettings } from "./Root.ts"
import type { VendorChoice } from "./VendorChoice.ts"

/** The endpoint a vendor choice stands for. */
export const endpointOf = (choice: VendorChoice): SyncJob.Endpoint => ({
  vendor: choice.vendor.name,
  credential: choice.profile ?? Credentials.defaultCredential
})

const choiceOf = (endpoint: SyncJob.Endpoint): VendorChoice | undefined => {
  const vendor = vendorNamed(endpoint.vendor)
  if (vendor === undefined) return undefined
  const profile = endpoint.credential === Credentials.defaultCredential ? undefined : endpoint.credential
  return { vendor, profile, label: profile === undefined ? vendor.name : `${vendor.name}@${profile}` }
}

export const layer = (settings: RootSettings): Layer.Layer<SyncDirectories.SyncDirectories, never, Directories> =>
  Layer.unwrap(Effect.gen(function*() {
    const directories = yield* Directories
    return SyncDirectories.cached((endpoint) =>
      Effect.gen(function*() {
        const label = SyncJob.endpointLabel(endpoint)
        const choice = choiceOf(endpoint)
        if (choice === undefined) {
          return yield* new SyncDirectories.SetupError({ endpoint: label, detail: "no such vendor" })
        }
        const context = yield* Layer.build(directories.open(choice, settings)).pipe(
          Effect.mapError((failure) => new SyncDirectories.SetupError({ endpoint: label, detail: failure.message }))
        )
        return Context.get(context, ContactDirectory)
      })
    )
  }))
