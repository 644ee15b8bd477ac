#!/usr/bin/env node
/**
 * The CLI: serves every registered mock vendor on its fixed port (override with `CK_<VENDOR>_PORT`, the name
 * upper-cased with `_` for `-`), prints where each listens and with which test credentials, and stops cleanly on
 * SIGINT/SIGTERM. A port that is taken stops it with one line naming the mock, the port and its variable.
 */
import { layer, MockServer, type VendorModule } from "@contactkit/mock-platform"
import { vendors } from "@contactkit/registry"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Config, Effect, Layer } from "effect"
import { readableFailure, reportPortTaken } from "./PortTaken.ts"

/** The variable that moves a vendor's port: `CK_ACME_CRM_PORT` for `acme-crm`, from the vendor's name. */
const portVariable = (name: string) => `CK_${name.toUpperCase().replaceAll("-", "_")}_PORT`

const serveVendor = (module: VendorModule) =>
  Layer.unwrap(Effect.gen(function*() {
    const variable = portVariable(module.name)
    const port = yield* Config.Port(variable).pipe(Config.withDefault(module.defaultPort))
    return Layer.effectDiscard(Effect.gen(function*() {
      const server = yield* MockServer
      const credentials = module.credentials.map((c) => `${c.token} (${c.description})`).join("; ")
      yield* Effect.log(`${module.name} mock listening on ${server.url} — credentials: ${credentials}`)
      yield* Effect.addFinalizer(() => Effect.log(`${module.name} mock stopped`))
    })).pipe(
      Layer.provide(layer(module, { port }).pipe(reportPortTaken({ vendor: module.name, port, variable })))
    )
  }))

const [first, ...rest] = vendors.map((vendor) => serveVendor(vendor.mock))
const all = rest.reduce((acc, next) => Layer.merge(acc, next), first ?? Layer.empty)

Layer.launch(all).pipe(
  // A taken port is the failure a newcomer meets here: its one line says what to do, where a stack would not.
  Effect.tapCause((cause) => Effect.logError(readableFailure(cause))),
  (effect) => NodeRuntime.runMain(effect, { disableErrorReporting: true })
)
