/**
 * `ContactDirectory` over Deskpro v2: the only module that sees both the domain and Deskpro.
 *
 * - `list` pages `GET /people?page=…&count=…&include=organization` (≤ 200 a page): one request per page.
 * - `create` is one `POST /people` with emails, phones and contact data; Deskpro answers with the person.
 * - `update` is read-modify-write (DeskproReadModifyWrite) that PUTs only the parts the patch names; field
 *   operations (DeskproFieldOperations) rewrite the one list their field lives in.
 * - Every reason is wrapped with vendor and operation here, once per operation.
 */
import { layerFromConfig, pageNumberPages, pageSize, wrapReasons } from "@contactkit/adapter-kit"
import {
  applyPatch,
  ContactDirectory,
  type ContactDraft,
  type ContactPatch,
  toDraft,
  validate
} from "@contactkit/domain"
import { Config, Effect, Layer } from "effect"
import { FetchHttpClient, type HttpClient } from "effect/http"
import { capabilities } from "./DeskproCapabilities.ts"
import * as DeskproClient from "./DeskproClient.ts"
import { fieldOperations } from "./DeskproFieldOperations.ts"
import { everything, nothing, type Scope, toPersonInput } from "./DeskproInput.ts"
import { readModifyWrite, toContact } from "./DeskproReadModifyWrite.ts"

export type Options = DeskproClient.Options

/** The page size `list` asks for unless told otherwise. */
export const defaultPageSize = 100

/** What a patch changes: names, organization, and (when it replaces the fields) every list. */
const scopeOfPatch = (patch: ContactPatch): Scope => ({
  ...nothing,
  name: patch.name !== undefined,
  organization: patch.organization !== undefined,
  ...(patch.fields === undefined ? {} : { emails: true, phones: true, contactData: true })
})

export const make = (options: Options): Effect.Effect<ContactDirectory.Service, never, HttpClient.HttpClient> =>
  Effect.gen(function*() {
    const client = yield* DeskproClient.make(options)
    const wrap = wrapReasons(DeskproClient.vendor)

    const create = (draft: ContactDraft) =>
      Effect.gen(function*() {
        const valid = yield* validate(capabilities, draft)
        const { input, layout } = toPersonInput(valid, "create", everything)
        const created = yield* client.create(input, layout)
        return { contact: toContact(created), outcome: "created" as const }
      }).pipe(wrap.effect("create"))

    return ContactDirectory.of({
      vendor: DeskproClient.vendor,
      capabilities,
      list: (listOptions) =>
        pageNumberPages({
          pageSize: pageSize(listOptions?.pageSize, { default: defaultPageSize, max: DeskproClient.maxPageSize }),
          // A page is mapped in one go: a `Stream.map` step per person costs more than the mapping.
          fetch: (page, count) =>
            Effect.map(client.list(page, count), ({ items, lastPage }) => ({ items: items.map(toContact), lastPage }))
        }).pipe(wrap.stream("list")),
      get: (id) => client.get(id).pipe(Effect.map(toContact), wrap.effect("get")),
      create,
      update: (id, patch) =>
        readModifyWrite(
          client,
          id,
          (current) => Effect.succeed({ draft: applyPatch(toDraft(current), patch), scope: scopeOfPatch(patch) })
        ).pipe(Effect.map(({ contact }) => contact), wrap.effect("update")),
      remove: (id) => client.remove(id).pipe(wrap.effect("remove")),
      fields: fieldOperations(client, wrap)
    })
  })

/** Provides `ContactDirectory` for one Deskpro helpdesk; needs an `HttpClient`. */
export const layer = (options: Options): Layer.Layer<ContactDirectory, never, HttpClient.HttpClient> =>
  Layer.effect(ContactDirectory, make(options))

/** `layer` with the fetch-based `HttpClient`. */
export const layerFetch = (options: Options): Layer.Layer<ContactDirectory> =>
  layer(options).pipe(Layer.provide(FetchHttpClient.layer))

/** The documented variables: `DESKPRO_API_URL` (including `/api/v2`) and `DESKPRO_API_KEY` (`{id}:{code}`, redacted). */
export const defaultConfig: Config.Wrap<Options> = {
  apiUrl: Config.String("DESKPRO_API_URL"),
  apiKey: Config.Redacted("DESKPRO_API_KEY")
}

/**
 * Reads the options from `Config`, by default from the documented variables; as Effect's own drivers do, the
 * caller may say where each value comes from. Needs an `HttpClient`, as `layer`.
 */
export const layerConfig = (
  config: Config.Wrap<Options> = defaultConfig
): Layer.Layer<ContactDirectory, Config.ConfigError, HttpClient.HttpClient> =>
  layerFromConfig(layer, config, { vendor: "deskpro" })
