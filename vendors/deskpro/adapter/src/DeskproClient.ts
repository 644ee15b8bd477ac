/**
 * The Deskpro v2 people calls, vendor-shaped: paths under the API base (`…/api/v2`), `Authorization: key
 * {id}:{code}`, `page`/`count` paging with `meta.pagination`, `include=organization` for the organization's name,
 * and Deskpro's `{status, code, message, errors}` turned into `ContactError` reasons — a 400 `invalid_input`
 * becomes `InvalidContact` with its error tree mapped to domain paths. Built on adapter-kit's `VendorHttp`.
 *
 * Docs: https://support.deskpro.com/…/guides/developers/request-format (verbs, envelope, errors); the KB's
 * "Setting User Contact Data" (people and contact data). Deskpro's rate limit is per key and set by each
 * helpdesk's admin, so no client-side limit is assumed unless one is given.
 */
import { type ClientTuning, decodeJsonWithRaw, tuningOptions, VendorHttp } from "@contactkit/adapter-kit"
import { type ContactErrorReason, ContactNotFound } from "@contactkit/domain"
import { Effect, Redacted } from "effect"
import { HttpClientRequest, type HttpClientResponse } from "effect/http"
import type { HttpClient } from "effect/http"
import { type CallContext, failure } from "./DeskproFailure.ts"
import type { Current, Layout } from "./DeskproInput.ts"
import { vendor } from "./DeskproMapping.ts"
import {
  type DeskproLinked,
  DeskproPeoplePage,
  DeskproPersonEnvelope,
  type DeskproPersonInput,
  isDeskproPeoplePage
} from "./DeskproSchema.ts"

export { vendor }

/** The largest `count` Deskpro serves (a larger one is served as this). */
export const maxPageSize = 200

/** `rateLimit`: Deskpro documents none (an admin may set one per key), so none is assumed unless given. */
export interface Options extends ClientTuning {
  /** The API base including `/api/v2`: `https://my-helpdesk.deskpro.com/api/v2`, or a mock's. */
  readonly apiUrl: string
  /** An API key as Deskpro shows it, `{id}:{code}`; sent as `Authorization: key {id}:{code}`. */
  readonly apiKey: Redacted.Redacted<string>
}

/** A person as decoded and exactly as sent (for `Contact.remote`), with its organization's name. */
export interface DeskproRecord extends Current {
  readonly organizationName: string | undefined
}

export interface DeskproPage {
  readonly items: ReadonlyArray<DeskproRecord>
  readonly lastPage: number | undefined
}

export interface DeskproClient {
  readonly list: (page: number, count: number) => Effect.Effect<DeskproPage, ContactErrorReason>
  readonly get: (id: string) => Effect.Effect<DeskproRecord, ContactErrorReason>
  /** `layout` says which draft field each sent value came from, for the paths of a 400's issues. */
  readonly create: (input: DeskproPersonInput, layout: Layout) => Effect.Effect<DeskproRecord, ContactErrorReason>
  readonly update: (id: string, input: DeskproPersonInput, layout: Layout) => Effect.Effect<void, ContactErrorReason>
  readonly remove: (id: string) => Effect.Effect<void, ContactErrorReason>
}

/** Deskpro's ids are positive integers; anything else is no person of this helpdesk. */
export const isDeskproId = (id: string) => /^[1-9]\d{0,15}$/u.test(id)

const include = { include: "organization" }

const organizationName = (linked: DeskproLinked | undefined, id: number | null | undefined) =>
  linked === undefined || Array.isArray(linked) || id === undefined || id === null
    ? undefined
    : (linked as { readonly organization?: Readonly<Record<string, { readonly name: string }>> }).organization?.[
      String(id)
    ]?.name

export const make = (options: Options): Effect.Effect<DeskproClient, never, HttpClient.HttpClient> =>
  Effect.gen(function*() {
    const http = yield* VendorHttp.make({
      vendor,
      baseUrl: options.apiUrl,
      auth: (request) => HttpClientRequest.setHeader(request, "authorization", `key ${Redacted.value(options.apiKey)}`),
      secrets: [options.apiKey],
      ...tuningOptions(options)
    })

    const call = (request: HttpClientRequest.HttpClientRequest, context: CallContext) =>
      Effect.flatMap(
        http.client.execute(request),
        (response) =>
          response.status >= 200 && response.status < 300
            ? Effect.succeed(response)
            : failure(response, context, http.scrub)
      )

    // Decoders are made once here, not per response.
    const decodePerson = decodeJsonWithRaw(DeskproPersonEnvelope, http.scrub)
    // A page is checked by hand first: the schema's decoder costs more per person than parsing it.
    const decodePage = decodeJsonWithRaw(DeskproPeoplePage, http.scrub, { accepts: isDeskproPeoplePage })

    const personBody = (response: HttpClientResponse.HttpClientResponse) =>
      Effect.map(decodePerson(response), ({ decoded, raw }): DeskproRecord => ({
        wire: decoded.data,
        raw: (raw as { readonly data: unknown }).data,
        organizationName: organizationName(decoded.linked, decoded.data.organization)
      }))

    const json = (request: HttpClientRequest.HttpClientRequest, body: unknown) =>
      HttpClientRequest.bodyJsonUnsafe(request, body)

    return {
      list: (page, count) =>
        call(
          HttpClientRequest.get("/people", {
            urlParams: { page: String(page), count: String(Math.min(maxPageSize, Math.max(1, count))), ...include }
          }),
          { isWrite: false }
        ).pipe(
          Effect.flatMap(decodePage),
          Effect.map(({ decoded, raw }): DeskproPage => {
            const rawItems = (raw as { readonly data: ReadonlyArray<unknown> }).data
            return {
              items: decoded.data.map((wire, i) => ({
                wire,
                raw: rawItems[i],
                organizationName: organizationName(decoded.linked, wire.organization)
              })),
              lastPage: decoded.meta?.pagination?.total_pages
            }
          })
        ),
      get: (id) =>
        isDeskproId(id)
          ? Effect.flatMap(
            call(HttpClientRequest.get(`/people/${id}`, { urlParams: include }), { id, isWrite: false }),
            personBody
          )
          : Effect.fail(new ContactNotFound({ id })),
      create: (input, layout) =>
        call(json(HttpClientRequest.post("/people", { urlParams: include }), input), { layout, isWrite: true }).pipe(
          // An unreadable 201 may still have created the person: adapter-kit says mayHaveSucceeded.
          Effect.flatMap(personBody)
        ),
      update: (id, input, layout) =>
        isDeskproId(id)
          ? Effect.asVoid(call(json(HttpClientRequest.put(`/people/${id}`), input), { id, layout, isWrite: true }))
          : Effect.fail(new ContactNotFound({ id })),
      remove: (id) =>
        isDeskproId(id)
          ? Effect.asVoid(call(HttpClientRequest.delete(`/people/${id}`), { id, isWrite: true }))
          : Effect.fail(new ContactNotFound({ id }))
    }
  })
