/**
 * `ContactDirectory` over Monica v4: the only module that sees both the domain and Monica. It wires the parts,
 * each in its own module, and wraps every operation's reasons once, with its name:
 *
 * - `list` reads `GET /contacts?with=contactfields` page by page (≤ 100 a page): one request per page, never one
 *   per contact.
 * - `create` (MonicaCreate) posts the contact, its work and each field, and never leaves half a contact behind.
 * - `update` (MonicaUpdate) is read-modify-write, sending what `validateChange` returned; fields reconciled by id.
 * - Field operations (MonicaFieldOperations) are Monica's own `/contactfields` endpoints, with the per-account
 *   field types resolved and refreshed when stale (MonicaFieldTypes, MonicaFieldWrites).
 * - `remove` checks the contact exists first: Monica answers `{"deleted": true}` even for an id it does not have.
 */
import { layerFromConfig, pageNumberPages, pageSize, wrapReasons } from "@contactkit/adapter-kit"
import { ContactDirectory } from "@contactkit/domain"
import { Config, Effect, Layer } from "effect"
import { FetchHttpClient, type HttpClient } from "effect/http"
import { capabilities } from "./MonicaCapabilities.ts"
import * as MonicaClient from "./MonicaClient.ts"
import * as MonicaCreate from "./MonicaCreate.ts"
import * as MonicaFieldOperations from "./MonicaFieldOperations.ts"
import * as MonicaFieldTypes from "./MonicaFieldTypes.ts"
import * as MonicaFieldWrites from "./MonicaFieldWrites.ts"
import { toContact } from "./MonicaMapping.ts"
import * as MonicaUpdate from "./MonicaUpdate.ts"

export interface Options extends MonicaClient.Options {
  /** Create a field type the account lacks (e.g. "Website") on first use; default true. */
  readonly createMissingTypes?: boolean
}

const wrap = wrapReasons(MonicaClient.vendor)

export const make = (options: Options): Effect.Effect<ContactDirectory.Service, never, HttpClient.HttpClient> =>
  Effect.gen(function*() {
    const client = yield* MonicaClient.make(options)
    const types = yield* MonicaFieldTypes.make(client, { createMissingTypes: options.createMissingTypes ?? true })
    const writes = MonicaFieldWrites.make(client, types)
    const create = MonicaCreate.make(client, writes)
    const update = MonicaUpdate.make(client, writes)
    return ContactDirectory.of({
      vendor: MonicaClient.vendor,
      capabilities,
      list: (listOptions) =>
        pageNumberPages({
          pageSize: pageSize(listOptions?.pageSize, MonicaClient.pageLimits),
          // A page is mapped in one go: a `Stream.map` step per contact cost more than the mapping.
          fetch: (page, limit) =>
            Effect.map(client.listContacts(page, limit), ({ items, lastPage }) => ({
              items: items.map(({ raw, value }) => toContact(value, raw)),
              lastPage
            }))
        }).pipe(wrap.stream("list")),
      get: (id) =>
        client.getContact(id).pipe(Effect.map(({ raw, value }) => toContact(value, raw)), wrap.effect("get")),
      create: (draft) => create(draft).pipe(wrap.effect("create")),
      update: (id, patch) => update(id, patch).pipe(wrap.effect("update")),
      remove: (id) => client.getContact(id).pipe(Effect.andThen(client.deleteContact(id)), wrap.effect("remove")),
      fields: MonicaFieldOperations.make(client, writes)
    })
  })

/** `ContactDirectory` over Monica, given an `HttpClient`. */
export const layer = (options: Options): Layer.Layer<ContactDirectory, never, HttpClient.HttpClient> =>
  Layer.effect(ContactDirectory, make(options))

/** `layer` with Effect's fetch-based `HttpClient`. */
export const layerFetch = (options: Options): Layer.Layer<ContactDirectory> =>
  layer(options).pipe(Layer.provide(FetchHttpClient.layer))

/** The documented variables: `MONICA_API_URL` (including `/api`) and `MONICA_API_KEY` (redacted). */
export const defaultConfig: Config.Wrap<Options> = {
  apiUrl: Config.String("MONICA_API_URL"),
  apiKey: Config.Redacted("MONICA_API_KEY")
}

/**
 * `layer` with its options read from `Config`: the documented variables by default, or wherever the caller says,
 * timeout, retry and rate limit included — `layerConfig({ ...defaultConfig, timeout: Config.Duration("…") })`.
 */
export const layerConfig = (
  config: Config.Wrap<Options> = defaultConfig
): Layer.Layer<ContactDirectory, Config.ConfigError, HttpClient.HttpClient> =>
  layerFromConfig(layer, config, { vendor: "monica" })
