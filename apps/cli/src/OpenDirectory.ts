/**
 * A vendor choice's `ContactDirectory` as a value, so one command can hold two at once (the source and the target
 * of a copy) — built in the command's scope and released with it.
 */
import { ContactDirectory } from "@contactkit/domain"
import { Context, Effect, Layer } from "effect"
import { Directories } from "./Directories.ts"
import type { RootSettings } from "./Root.ts"
import type { VendorChoice } from "./VendorChoice.ts"

export const openDirectory = (choice: VendorChoice, settings: RootSettings) =>
  Effect.gen(function*() {
    const directories = yield* Directories
    const context = yield* Layer.build(directories.open(choice, settings))
    return Context.get(context, ContactDirectory)
  })
