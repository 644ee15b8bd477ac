/**
 * Profiles one mock under load: the mock in a child process pinned to the server core, filled through its bench
 * hooks, loaded with one of its throughput requests by autocannon on the other core, with the CPU profiler running
 * for the load phase only. Prints the shares by package and function and the server's CPU time per request, and
 * the same CPU time for a bare `node:http` server answering the same bytes — the ratio that decides, on a shared
 * machine, far more steadily than requests per second.
 *
 * Usage: `node src/profile/profileMock.ts <vendor> <getOne|listPage|create> [connections=10] [seconds=5]`
 * (`CK_PROFILE_OUT=<file>` keeps the .cpuprofile, e.g. for Chrome's DevTools).
 */
import { vendorNamed, vendors } from "@contactkit/registry"
import type { BenchRequest } from "@contactkit/vendor-kit"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Console, Effect } from "effect"
import { spawn } from "node:child_process"
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { pinned, serverCore } from "../throughput/ChildServer.ts"
import { runLoad } from "../throughput/LoadGenerator.ts"
import { cpuTimesOf } from "./ProcessCpu.ts"
import { type CpuProfile, renderShares, summarize } from "./ProfileSummary.ts"

// The first registered vendor with bench hooks unless one is named.
const [
  vendorName = vendors.find((v) => v.bench !== undefined)?.name ?? "",
  routeName = "getOne",
  connectionsArg = "10",
  secondsArg = "5"
] = process.argv.slice(2)
const connections = Number(connectionsArg)
const seconds = Number(secondsArg)
const contacts = Number(process.env["CK_PROFILE_CONTACTS"] ?? 1000)

interface Child {
  readonly url: string
  readonly pid: number
  readonly send: (line: string) => void
  readonly next: (pattern: RegExp) => Effect.Effect<string>
  readonly stop: () => void
}

/** A child server: its URL from the first `http://` line, and a way to send it lines and await its answers. */
const startChild = (entry: string, args: ReadonlyArray<string>) =>
  Effect.callback<Child>((resume) => {
    const { args: all, command } = pinned(serverCore, process.execPath, [entry, ...args])
    const child = spawn(command, all, { stdio: ["pipe", "pipe", "inherit"] })
    const waiting: Array<{ pattern: RegExp; done: (line: string) => void }> = []
    let pending = ""
    let started = false
    child.stdout.on("data", (chunk: Buffer) => {
      pending += chunk.toString("utf8")
      const lines = pending.split("\n")
      pending = lines.pop() ?? ""
      for (const line of lines) {
        if (!started && line.startsWith("http://")) {
          started = true
          resume(Effect.succeed({
            url: line.trim(),
            pid: child.pid ?? 0,
            send: (text) => child.stdin.write(`${text}\n`),
            next: (pattern) =>
              Effect.callback<string>((done) => {
                waiting.push({ pattern, done: (found) => done(Effect.succeed(found)) })
              }),
            stop: () => child.kill("SIGTERM")
          }))
        }
        const index = waiting.findIndex((w) => w.pattern.test(line))
        if (index >= 0) waiting.splice(index, 1)[0]?.done(line)
      }
    })
  })

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/** Loads `url` for `seconds` and returns the server's CPU ms per request over that time. */
const cpuPerRequest = (pid: number, request: BenchRequest, url: string, time: number) =>
  Effect.gen(function*() {
    const before = cpuTimesOf(pid) ?? { user: 0, system: 0 }
    const result = yield* runLoad({
      url,
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      connections,
      seconds: time
    })
    const after = cpuTimesOf(pid) ?? before
    const perRequest = (ms: number) => (ms * 1000) / Math.max(1, result.total)
    return {
      result,
      microsPerRequest: perRequest(after.user - before.user + after.system - before.system),
      systemMicros: perRequest(after.system - before.system)
    }
  })

const program = Effect.gen(function*() {
  const vendor = vendorNamed(vendorName)
  const hooks = vendor?.bench
  if (vendor === undefined || hooks?.throughput === undefined) return yield* Effect.die(`no bench hooks: ${vendorName}`)
  const mock = yield* startChild(here("./profiledMock.ts"), [vendor.name])
  yield* hooks.populate(mock.url, contacts)
  const requests = yield* Effect.promise(() => hooks.throughput!(mock.url))
  const request = requests[routeName as keyof typeof requests]
  if (request === undefined) return yield* Effect.die(`no such route: ${routeName}`)
  const response = yield* Effect.promise(() =>
    fetch(`${mock.url}${request.path}`, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body.replaceAll("[<id>]", "recorded") })
    }).then(async (r) => ({ status: r.status, type: r.headers.get("content-type") ?? "", body: await r.text() }))
  )
  // Warm the JIT, measure without the profiler (its sampling costs CPU too), then profile the load phase only.
  yield* cpuPerRequest(mock.pid, request, `${mock.url}${request.path}`, 2)
  const plain = yield* cpuPerRequest(mock.pid, request, `${mock.url}${request.path}`, seconds)
  mock.send("start")
  yield* mock.next(/^started/u)
  const measured = yield* cpuPerRequest(mock.pid, request, `${mock.url}${request.path}`, seconds)
  const file = process.env["CK_PROFILE_OUT"] ?? join(mkdtempSync(join(tmpdir(), "ck-profile-")), "mock.cpuprofile")
  mock.send(`stop ${file}`)
  yield* mock.next(/^profiled/u)
  mock.stop()
  const shares = summarize(JSON.parse(readFileSync(file, "utf8")) as CpuProfile)

  const answers = join(mkdtempSync(join(tmpdir(), "ck-bare-")), "answers.json")
  writeFileSync(
    answers,
    JSON.stringify([{
      method: request.method,
      path: request.path,
      status: response.status,
      contentType: response.type,
      body: response.body
    }])
  )
  const floor = (entry: string) =>
    Effect.gen(function*() {
      const server = yield* startChild(here(entry), [answers])
      yield* cpuPerRequest(server.pid, request, `${server.url}${request.path}`, 2)
      const result = yield* cpuPerRequest(server.pid, request, `${server.url}${request.path}`, seconds)
      server.stop()
      return result
    })
  const bareMeasured = yield* floor("../throughput/serveBytes.ts")
  const effectMeasured = yield* floor("../throughput/serveEffectBytes.ts")

  yield* Console.log(
    `${vendor.name} ${routeName} (${request.method} ${request.path}), ${connections} connections, ${seconds} s, ` +
      `${contacts} contacts, ${response.body.length} bytes, load ${loadavg()[0]?.toFixed(2)}\n` +
      `  mock: ${Math.round(plain.result.requestsPerSecond)}/s, ${plain.microsPerRequest.toFixed(0)} µs CPU/request` +
      ` (system ${plain.systemMicros.toFixed(0)} µs)` +
      ` (${plain.result.non2xx + plain.result.errors} non-2xx/errors; profiled: ` +
      `${measured.microsPerRequest.toFixed(0)} µs)\n` +
      `  bare: ${Math.round(bareMeasured.result.requestsPerSecond)}/s, ` +
      `${bareMeasured.microsPerRequest.toFixed(0)} µs CPU/request (system ${
        bareMeasured.systemMicros.toFixed(0)
      } µs)\n` +
      `  Effect HTTP server, same bytes: ${Math.round(effectMeasured.result.requestsPerSecond)}/s, ` +
      `${effectMeasured.microsPerRequest.toFixed(0)} µs CPU/request (system ${
        effectMeasured.systemMicros.toFixed(0)
      } µs)\n` +
      `  CPU per request mock/bare: ${(plain.microsPerRequest / bareMeasured.microsPerRequest).toFixed(2)}× ` +
      `(bare/mock ${(bareMeasured.microsPerRequest / plain.microsPerRequest).toFixed(2)})\n` +
      renderShares(shares)
  )
})

NodeRuntime.runMain(program)
