/**
 * Child-process entry: serves one mock vendor on 127.0.0.1 (any free port, no demo data unless the vendor needs
 * it, no rate limits) and prints its URL as the first line of stdout. The benchmarks run the mock in its own
 * process so that the client being measured has the main process — its CPU time and its heap — to itself.
 *
 * Usage: `node src/serveMock.ts phonecom|monica`
 */
import { layer as serveVendor, makeMonica, MockServer, phonecom } from "@contactkit/mock-servers"
import type { VendorModule } from "@contactkit/mock-servers"
import { NodeRuntime } from "@effect/platform-node"
import { Console, Effect } from "effect"

/** Monica's demo data holds the account's contact-field types, which new contact fields must name. */
const modules: Readonly<Record<string, { readonly module: VendorModule; readonly seed: boolean }>> = {
  phonecom: { module: phonecom, seed: false },
  monica: { module: makeMonica({ rateLimit: false }), seed: true }
}

const chosen = modules[process.argv[2] ?? ""]

const program = chosen === undefined
  ? Effect.die(`usage: serveMock.ts ${Object.keys(modules).join("|")}`)
  : Effect.gen(function*() {
    const server = yield* MockServer
    yield* Console.log(server.url)
    return yield* Effect.never
  }).pipe(Effect.provide(serveVendor(chosen.module, { port: 0, seed: chosen.seed })))

NodeRuntime.runMain(program)
