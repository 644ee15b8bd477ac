/**
 * What a vendor folder hands the registry: everything the rest of the repository needs to know about one vendor
 * — its mock, its OpenAPI document, its adapter wired from configuration or pointed at a mock, the hooks the
 * conformance suite and the benchmarks use to reach behind the port — so that no file outside the vendor's folder
 * and the registry ever names it.
 */
import type { RetryPolicy } from "@contactkit/adapter-kit"
import type { Capabilities, ContactDirectory, ContactId } from "@contactkit/domain"
import type { VendorModule } from "@contactkit/mock-platform"
import type { Config, Duration, Effect, Layer, Redacted } from "effect"
import type { HttpClient } from "effect/http"

/** An environment variable the adapter reads through `layerConfig`. */
export interface EnvVar {
  readonly name: string
  readonly description: string
  /** Read as `Redacted`: never printed. */
  readonly secret?: boolean
  /** What to set it to for the local mock server (`{mock}` stands for the mock's origin). */
  readonly mockValue: string
}

/** How the suite, the bench and local tools tune an adapter against a local mock. */
export interface Tuning {
  /** How long one request may take (the conformance suite shortens it to make a client give up). */
  readonly timeout?: Duration.Input
  readonly retry?: Partial<RetryPolicy>
  /** `false`: no client-side rate limiting (the mock's own limit is off too). */
  readonly rateLimit?: false
}

/**
 * Vendor data the domain does not model, set and checked through the mock's own API (not the adapter). `attach`
 * fails when the mock refuses any call it makes (see `mockRequest`): the suite checks the data is there before the
 * patch it must survive, and a hook that cannot set it must say so rather than pass.
 */
export interface Unmodelled {
  readonly attach: (id: ContactId) => Effect.Effect<void, Error>
  readonly isIntact: (id: ContactId) => Effect.Effect<boolean, Error>
}

/** What the benchmarks need to fill the mock and to list it without the adapter. */
export interface BenchHooks {
  /** How many contacts to generate for the listing benchmark: sized so a whole run fits about a minute. */
  readonly contacts: number
  /** The page size the adapter and the raw listing both use. */
  readonly pageSize: number
  /** Whether the benchmarked mock starts with its demo data (some vendors need it, e.g. per-account field types). */
  readonly seed: boolean
  /** Contacts the mock's demo data holds for the benchmarked credential (listed with the generated ones). */
  readonly demoContacts: number
  /** Creates `count` generated contacts through the vendor's own API at `mockUrl`, starting at person `from`. */
  readonly populate: (mockUrl: string, count: number, from?: number) => Effect.Effect<void, unknown>
  /** The requests of the server-throughput benchmark, for a mock at `mockUrl` already filled by `populate`. */
  readonly throughput?: (mockUrl: string) => Promise<ThroughputRequests>
  /**
   * The requests of the list-scaling benchmark, for a mock just filled by `POST /__admin/seed {"count": n}` (its
   * `generate`): the first page of tenant A's listing, a page near its end, and a write to send before the first
   * page is read again. Resolved against the filled mock, which tells how long the listing is.
   */
  readonly scaling?: (mockUrl: string) => Promise<ScalingRequests>
  /** Lists every contact with plain `fetch` + `JSON.parse`, paging as the adapter does; resolves with the count. */
  readonly rawList: (mockUrl: string, pageSize: number) => Promise<number>
}

/** One HTTP request the throughput benchmark repeats: against the mock, Prism's mock and a bare server. */
export interface BenchRequest {
  readonly method: "GET" | "POST"
  /** Under the mock's origin, including `apiPath`. */
  readonly path: string
  readonly headers: Readonly<Record<string, string>>
  /** `[<id>]` in it is replaced by a fresh id in every request sent (for vendors that refuse a repeated create). */
  readonly body?: string
}

/** The three requests the throughput benchmark measures, on a mock that already holds contacts. */
export interface ThroughputRequests {
  readonly getOne: BenchRequest
  readonly listPage: BenchRequest
  readonly create: BenchRequest
}

/** What the list-scaling benchmark times at 1,000 and at 100,000 contacts. */
export interface ScalingRequests {
  readonly firstPage: BenchRequest
  readonly deepPage: BenchRequest
  /** A create; the bench then reads the first page again, timing only that read. */
  readonly write: BenchRequest
}

export interface Vendor {
  /** The vendor's id: its folder's name, `ContactError.vendor`, the CLI's choice. */
  readonly name: string
  /** How people write it: "Acme CRM". */
  readonly displayName: string
  readonly capabilities: Capabilities
  /** The mock vendor server module, as the mock-server CLI serves it. */
  readonly mock: VendorModule
  /** The same mock with any throttle of the vendor's own switched off, for the suite and the bench. */
  readonly mockWithoutThrottle?: VendorModule
  /** Absolute path of the vendor's hand-written OpenAPI document. */
  readonly openapi: string
  /** Where the API lives on the vendor's (or the mock's) origin: `/v4`, `/api`. */
  readonly apiPath: string
  /** The part of `apiPath` the OpenAPI document's paths are relative to (its server URL's path); default "". */
  readonly specBasePath?: string
  /** The variables `fromConfig` reads, with values for the local mock. */
  readonly env: ReadonlyArray<EnvVar>
  /** The adapter, configured from the environment (the variables in `env`). */
  readonly fromConfig: Layer.Layer<ContactDirectory, Config.ConfigError, HttpClient.HttpClient>
  /** The adapter at `apiUrl` (a mock's origin + `apiPath`) with the mock's test credential for tenant A. */
  readonly atMock: (
    apiUrl: string,
    apiKey: Redacted.Redacted<string>,
    tuning: Tuning
  ) => Layer.Layer<ContactDirectory, never, HttpClient.HttpClient>
  /** The mock's credential for tenant A, as `atMock` sends it. */
  readonly mockApiKey: string
  /** Conformance hook: vendor data the domain does not model (for the `patch-preserves` scenario). */
  readonly unmodelled?: (mockUrl: string) => Unmodelled
  /** Conformance scenarios this vendor cannot run, each with the reason. */
  readonly skip?: Readonly<Record<string, string>>
  readonly bench?: BenchHooks
}
