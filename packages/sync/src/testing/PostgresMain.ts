/**
 * A throw-away Postgres for trying the distributed sync on one machine: `pnpm --filter @contactkit/sync postgres`
 * prints `CK_SYNC_DATABASE_URL=…` and serves until Ctrl-C, then deletes its data.
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Console, Effect, Redacted } from "effect"
import * as ThrowawayPostgres from "./ThrowawayPostgres.ts"

const program = Effect.gen(function*() {
  const postgres = yield* ThrowawayPostgres.start
  // Printed on purpose: a local server without a password, for the person who asked for it.
  yield* Console.log(`CK_SYNC_DATABASE_URL=${Redacted.value(postgres.url)}`)
  return yield* Effect.never
}).pipe(Effect.scoped)

NodeRuntime.runMain(program)
