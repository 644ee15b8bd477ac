/**
 * Child-process entry for `profileMock.ts`: serves one registered mock like `serveMock.ts` (URL on the first line
 * of stdout) and profiles itself on command — a line `start` on stdin starts the CPU profiler, a line `stop <file>`
 * writes the profile to `<file>` and answers `profiled`. So only the load phase is in the profile.
 *
 * Usage: `node src/profile/profiledMock.ts <vendor>`
 */
import { layer as serveVendor, MockServer } from "@contactkit/mock-platform"
import { vendorNamed, vendorNames } from "@contactkit/registry"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Console, Effect } from "effect"
import { writeFileSync } from "node:fs"
import { createInterface } from "node:readline"
import { makeProfiler } from "./Profiler.ts"

const chosen = vendorNamed(process.argv[2] ?? "")
const profiler = makeProfiler()

const commands = Effect.callback<never>(() => {
  const lines = createInterface({ input: process.stdin })
  lines.on("line", (line) => {
    const [command, file] = line.trim().split(" ")
    if (command === "start") Effect.runFork(Effect.andThen(profiler.start, Console.log("started")))
    if (command === "stop" && file !== undefined) {
      Effect.runFork(
        Effect.flatMap(
          profiler.stop,
          (profile) =>
            Effect.andThen(Effect.sync(() => writeFileSync(file, JSON.stringify(profile))), Console.log("profiled"))
        )
      )
    }
  })
  return Effect.sync(() => lines.close())
})

const program = chosen === undefined
  ? Effect.die(`usage: profiledMock.ts ${vendorNames.join("|")}`)
  : Effect.gen(function*() {
    const server = yield* MockServer
    yield* Console.log(server.url)
    return yield* commands
  }).pipe(
    Effect.provide(
      serveVendor(chosen.mockWithoutThrottle ?? chosen.mock, { port: 0, seed: chosen.bench?.seed ?? true })
    )
  )

NodeRuntime.runMain(program)
