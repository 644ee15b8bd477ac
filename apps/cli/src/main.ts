/**
 * The `contactkit` executable: runs the CLI on the process's arguments with the real environment, terminal and
 * network, and exits with the code the run returned. Ctrl-C interrupts the run; journaled writes make it safe.
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as NodeServices from "@effect/platform-node/NodeServices"
import { Effect, Layer } from "effect"
import { runCli } from "./Cli.ts"
import * as Output from "./Output.ts"
import * as VendorConfiguration from "./VendorConfiguration.ts"

const services = Layer.mergeAll(
  NodeServices.layer,
  Output.layerProcess,
  VendorConfiguration.layer.pipe(
    Layer.provideMerge(Layer.succeed(VendorConfiguration.Environment, { variables: process.env }))
  )
)

runCli(process.argv.slice(2)).pipe(
  Effect.flatMap((code) => Effect.sync(() => void (process.exitCode = code))),
  Effect.provide(services),
  NodeRuntime.runMain({ disableErrorReporting: true })
)
