/**
 * A sync job: one tenant's source account kept in step with its target account. Each side is a registered vendor
 * and a credential *reference* — a name the runner resolves from its own environment (see Credentials) — so the
 * job, the database and the workflow messages never hold a secret.
 */
import { Schema } from "effect"

/** A credential reference: a letter, then letters, digits or `_` (it prefixes environment variable names). */
export const CredentialRef = Schema.String.pipe(
  Schema.check(Schema.isPattern(/^[A-Za-z][A-Za-z0-9_]*$/u, {
    message: "must be a letter followed by letters, digits or _"
  }))
)

export const Endpoint = Schema.Struct({
  /** The vendor's registry name. */
  vendor: Schema.String,
  credential: CredentialRef
})
export type Endpoint = typeof Endpoint.Type

export const SyncJob = Schema.Struct({
  jobId: Schema.String,
  tenant: Schema.String,
  source: Endpoint,
  target: Endpoint,
  /** How long after a run finishes the next one starts; absent: only when asked (the CLI's embedded sync). */
  intervalMs: Schema.optionalKey(Schema.Number),
  /** Contacts per page when listing the source; absent: the adapter's default. */
  pageSize: Schema.optionalKey(Schema.Number)
})
export type SyncJob = typeof SyncJob.Type

export const endpointLabel = (endpoint: Endpoint): string => `${endpoint.vendor}@${endpoint.credential}`

/** The id of the job that keeps `target` in step with `source` for `tenant`: one job per pair. */
export const jobIdOf = (tenant: string, source: Endpoint, target: Endpoint): string =>
  `${tenant}/${endpointLabel(source)}->${endpointLabel(target)}`
