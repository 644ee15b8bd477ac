/**
 * `ContactDirectory` over NGP VAN's NGP API v2: the only module that sees both the domain and NGP.
 *
 * - `list` pages `GET /contacts` by `$skip` (≤ 200 a page) while NGP names a next page; the next page is asked of
 *   the configured base URL, not of `nextPageLink`, so a proxy or mock in between sees every page.
 * - `create` posts the contact and reads it back: NGP answers 201 for a new contact and 200 when its deduplication
 *   merged the draft into a contact it matched — `outcome: "merged"`, and the merged contact is returned.
 * - `update` and the field operations read the contact, change it in the domain, check the change against
 *   NgpvanCapabilities and post what the adapter maps (NGP keeps what it does not: codes, lists, disclosures).
 * - `remove` fails with `Unsupported` before any request: NGP documents no way to delete a contact.
 * - A write that succeeded but could not be read back fails with `VendorUnavailable{mayHaveSucceeded: true}`.
 */
import { layerFromConfig, wrapReasons } from "@contactkit/adapter-kit"
import { applyPatch, ContactDirectory, toDraft, Unsupported, validate } from "@contactkit/domain"
import { Config, Effect, Layer, Option, Stream } from "effect"
import { FetchHttpClient, type HttpClient } from "effect/http"
import { capabilities } from "./NgpvanCapabilities.ts"
import * as NgpvanClient from "./NgpvanClient.ts"
import { fieldOperations } from "./NgpvanFieldOperations.ts"
import { toNgpvanInput } from "./NgpvanMapping.ts"
import { toDomainPath } from "./NgpvanPaths.ts"
import { readBack, readContact, readModifyWrite, toContact } from "./NgpvanReadModifyWrite.ts"

export type Options = NgpvanClient.Options

/** The page size `list` asks for unless told otherwise. */
export const defaultPageSize = 100

// Each operation's reasons wrapped once, in a span naming the vendor, the operation and how it ended.
const wrap = wrapReasons(NgpvanClient.vendor)

const listOf = (client: NgpvanClient.NgpvanClient): ContactDirectory.Service["list"] => (options) => {
  const pageSize = Math.min(NgpvanClient.maxPageSize, Math.max(1, Math.floor(options?.pageSize ?? defaultPageSize)))
  return Stream.paginate(0, (skip: number) =>
    Effect.map(client.list(skip, pageSize), (page) => {
      const next = page.more && page.items.length > 0 ? Option.some(skip + page.items.length) : Option.none()
      return [page.items.map(toContact), next] as const
    })).pipe(wrap.stream("list"))
}

/** Posts the draft and reads the contact back: 201 is a new contact, 200 NGP's merge into one it matched. */
const createOf = (client: NgpvanClient.NgpvanClient): ContactDirectory.Service["create"] => (draft) =>
  Effect.gen(function*() {
    const valid = yield* validate(capabilities, draft)
    const { contactId, merged } = yield* client.create(
      toNgpvanInput(valid),
      (property) => toDomainPath(valid, property)
    )
    const stored = yield* readBack(`ngpvan ${merged ? "merged into" : "created"} ${contactId}`, client.get(contactId))
    return { contact: toContact(stored), outcome: merged ? "merged" as const : "created" as const }
  }).pipe(wrap.effect("create"))

export const make = (options: Options): Effect.Effect<ContactDirectory.Service, never, HttpClient.HttpClient> =>
  Effect.map(NgpvanClient.make(options), (client) =>
    ContactDirectory.of({
      vendor: NgpvanClient.vendor,
      capabilities,
      list: listOf(client),
      get: (id) => readContact(client)(id).pipe(Effect.map(toContact), wrap.effect("get")),
      create: createOf(client),
      update: (id, patch) =>
        readModifyWrite(client)(id, (current) => Effect.succeed(applyPatch(toDraft(current), patch))).pipe(
          Effect.map(({ contact }) => contact),
          wrap.effect("update")
        ),
      remove: () =>
        Effect.fail(new Unsupported({ issues: [{ path: [], message: "ngpvan has no way to delete a contact" }] })).pipe(
          wrap.effect("remove")
        ),
      fields: fieldOperations(client)
    }))

/** Provides `ContactDirectory` for one NGP tenant (the API key's); needs an `HttpClient`. */
export const layer = (options: Options): Layer.Layer<ContactDirectory, never, HttpClient.HttpClient> =>
  Layer.effect(ContactDirectory, make(options))

/** `layer` with the fetch-based `HttpClient`. */
export const layerFetch = (options: Options): Layer.Layer<ContactDirectory> =>
  layer(options).pipe(Layer.provide(FetchHttpClient.layer))

/** The documented variables: `NGPVAN_API_URL` (including `/v2`) and `NGPVAN_API_KEY` (read as `Redacted`). */
export const defaultConfig: Config.Wrap<Options> = {
  apiUrl: Config.String("NGPVAN_API_URL"),
  apiKey: Config.Redacted("NGPVAN_API_KEY")
}

/** As Effect's own drivers do: the caller chooses where each value comes from; the variables are only the default. */
export const layerConfig = (
  config: Config.Wrap<Options> = defaultConfig
): Layer.Layer<ContactDirectory, Config.ConfigError, HttpClient.HttpClient> =>
  layerFromConfig(layer, config, { vendor: "ngpvan" })
