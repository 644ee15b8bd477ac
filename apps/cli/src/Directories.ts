/**
 * Opens the `ContactDirectory` of a vendor choice. The CLI sees vendors through this port only; how a directory is
 * reached is the one thing a test swaps (it points the adapters at mocks on port 0 instead of configuring them).
 */
import type { ContactDirectory } from "@contactkit/domain"
import { Context, type Layer } from "effect"
import type { CliFailure } from "./CliFailure.ts"
import type { RootSettings } from "./Root.ts"
import type { VendorChoice } from "./VendorChoice.ts"

export class Directories extends Context.Service<Directories, {
  readonly open: (choice: VendorChoice, settings: RootSettings) => Layer.Layer<ContactDirectory, CliFailure>
}>()("@contactkit/cli/Directories") {}
