/**
 * A mock vendor server running in a child Node process (see `serveMock.ts`), for as long as the scope is open.
 * Keeping the server out of the measuring process means the numbers describe the client alone: its CPU time is
 * not shared with request handling on one event loop, and its heap holds none of the mock's state.
 */
import * as NodeServices from "@effect/platform-node/NodeServices"
import { Deferred, Effect, Stream } from "effect"
import { ChildProcess, ChildProcessSpawner } from "effect/process"
import { fileURLToPath } from "node:url"
import { pinned, serverCore } from "./throughput/ChildServer.ts"

const entry = fileURLToPath(new URL("./serveMock.ts", import.meta.url))

/** Starts the mock and returns its base URL (`http://127.0.0.1:<port>`); the process ends with the scope. */
export const startMock = (vendor: string) => Effect.map(startMockProcess(vendor), (mock) => mock.url)

/** The same, with the mock's process id (for its CPU time). */
export const startMockProcess = (vendor: string) =>
  Effect.gen(function*() {
    const spawner = yield* ChildProcessSpawner.ChildProcessSpawner
    const { args, command } = pinned(serverCore, process.execPath, [entry, vendor])
    const handle = yield* spawner.spawn(ChildProcess.make(command, args, { stderr: "inherit" }))
    const url = yield* Deferred.make<string>()
    // Keep reading after the first line, so nothing the server prints can fill the pipe and stall it.
    yield* handle.stdout.pipe(
      Stream.decodeText(),
      Stream.splitLines,
      Stream.runForEach((line) => Deferred.succeed(url, line.trim())),
      Effect.ignore,
      Effect.forkScoped
    )
    const started = yield* Deferred.await(url).pipe(
      Effect.timeoutOrElse({
        duration: "20 seconds",
        orElse: () => Effect.die(`the ${vendor} mock did not print its URL within 20 seconds`)
      })
    )
    return { url: started, pid: Number(handle.pid) }
  }).pipe(Effect.provide(NodeServices.layer))
