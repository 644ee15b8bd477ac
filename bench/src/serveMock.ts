/**
 * Child-process entry: serves one registered mock vendor on 127.0.0.1 (any free port, its demo data only if its
 * bench hooks need it, no rate limits) and prints its URL as the first line of stdout. The benchmarks run the mock
 * in its own process so that the client being measured has the main process — its CPU time and its heap — to
 * itself.
 *
 * Usage: `node src/serveMock.ts <vendor>`
 */
import { layer as serveVendor, MockServer } from "@contactkit/mock-platform"
import { vendorNamed, vendorNames } from "@contactkit/registry"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Console, Effect } from "effect"

const chosen = vendorNamed(process.argv[2] ?? "")

const program = chosen === undefined
  ? Effect.die(`usage: serveMock.ts ${vendorNames.join("|")}`)
  : Effect.gen(function*() {
    const server = yield* MockServer
    yield* Console.log(server.url)
    return yield* Effect.never
  }).pipe(
    Effect.provide(
      serveVendor(chosen.mockWithoutThrottle ?? chosen.mock, { port: 0, seed: chosen.bench?.seed ?? true })
    )
  )

NodeRuntime.runMain(program)
