/**
 * The name and idempotency key of one planned write. The key is what `Activity.idempotencyKey(name)` gives inside
 * the run's workflow — the first 16 bytes of the SHA-256 of `<executionId>-<name>`, as hex — computed at once with
 * `node:crypto` instead of through WebCrypto's asynchronous digest, which cost a runner a twentieth of its time
 * with one key per contact. Same text, same key: a run begun before this and resumed after it journals its writes
 * under the keys it already used — including a run begun when each write was an activity of its own, named this
 * way, before writes were carried by time-boxed activities (SyncRun).
 */
import { createHash } from "node:crypto"
import type { Operation } from "./SyncPlan.ts"

/** `Create/<source id>`: the write's name in the run, unique per source contact. */
export const writeName = (operation: Operation): string => `${operation._tag}/${operation.sourceId}`

/** The idempotency key of the write named `name` in the workflow execution `executionId`. */
export const writeKey = (executionId: string, name: string): string =>
  createHash("sha256").update(`${executionId}-${name}`, "utf8").digest("hex").slice(0, 32)
