/**
 * The CLI: serves every registered mock vendor on its fixed port (override with `CK_<VENDOR>_PORT`), prints where
 * each listens and with which test credentials, and stops cleanly on SIGINT/SIGTERM.
 */
import { NodeRuntime } from "@effect/platform-node"
import { Config, Effect, Layer } from "effect"
import { layer, MockServer } from "./platform/MockServer.ts"
import type { VendorModule } from "./platform/VendorModule.ts"
import { vendors } from "./vendors.ts"

const serveVendor = (module: VendorModule) =>
  Layer.unwrap(Effect.gen(function*() {
    const port = yield* Config.Port(`CK_${module.name.toUpperCase()}_PORT`).pipe(Config.withDefault(module.defaultPort))
    return Layer.effectDiscard(Effect.gen(function*() {
      const server = yield* MockServer
      const credentials = module.credentials.map((c) => `${c.token} (${c.description})`).join("; ")
      yield* Effect.log(`${module.name} mock listening on ${server.url} — credentials: ${credentials}`)
      yield* Effect.addFinalizer(() => Effect.log(`${module.name} mock stopped`))
    })).pipe(Layer.provide(layer(module, { port })))
  }))

const [first, ...rest] = Object.values(vendors).map(serveVendor)
const all = rest.reduce((acc, next) => Layer.merge(acc, next), first ?? Layer.empty)

Layer.launch(all).pipe(NodeRuntime.runMain)
