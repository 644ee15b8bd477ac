/**
 * The start command with a port already taken: it stops at once (exit code 1) with one line naming the mock,
 * the port and the variable that moves it — `CK_<VENDOR>_PORT`, the name upper-cased with `_` for `-` — and no
 * stack. Run as a user runs it: the command's own process, every other mock on a free port.
 */
import { vendors } from "@contactkit/registry"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { execFile } from "node:child_process"
import { createServer, type Server } from "node:net"
import { fileURLToPath } from "node:url"

const main = fileURLToPath(new URL("../src/main.ts", import.meta.url))

const listen = Effect.acquireRelease(
  Effect.callback<Server>((resume) => {
    const server = createServer()
    server.listen(0, "127.0.0.1", () => resume(Effect.succeed(server)))
  }),
  (server) =>
    Effect.callback<void>((resume) => {
      server.close(() => resume(Effect.void))
    })
)
const portOf = (server: Server) => {
  const address = server.address()
  return typeof address === "object" && address !== null ? address.port : 0
}
/** A port that was free a moment ago. */
const freePort = Effect.scoped(Effect.map(listen, portOf))

const run = (env: Record<string, string>) =>
  Effect.callback<{ readonly code: number | null; readonly output: string }>((resume) => {
    execFile(
      process.execPath,
      ["--conditions=@contactkit/source", main],
      { env: { ...process.env, ...env, NO_COLOR: "1" }, timeout: 20_000 },
      (error, stdout, stderr) =>
        resume(Effect.succeed({ code: error === null ? 0 : error.code as number, output: stdout + stderr }))
    )
  })

describe("mock-servers start", () => {
  it.live("a taken port names the mock, the port and the variable that moves it", () =>
    Effect.gen(function*() {
      const taken = yield* listen
      const [first, ...others] = vendors
      assert.isDefined(first)
      const variable = (name: string) => `CK_${name.toUpperCase().replaceAll("-", "_")}_PORT`
      const env: Record<string, string> = { [variable(first!.name)]: String(portOf(taken)) }
      for (const vendor of others) env[variable(vendor.name)] = String(yield* freePort)
      const { code, output } = yield* run(env)
      assert.strictEqual(code, 1)
      assert.include(
        output,
        `the ${first!.name} mock cannot listen on 127.0.0.1:${portOf(taken)}: the port is taken. ` +
          `Stop what holds it, or move this mock with ${variable(first!.name)}=<another port>.`
      )
      assert.notInclude(output, "ServeError")
      assert.notInclude(output, "    at ")
    }), 30_000)
})
