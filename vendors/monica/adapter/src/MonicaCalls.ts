/**
 * How one Monica call is sent and read: a 2xx answer's JSON — a single resource unwrapped from `{"data": …}`, a
 * list from Laravel's `{data, links, meta}` — decoded with its Schema, or the reason a non-2xx answer means
 * (MonicaFailure). A 2xx body that cannot be used goes through adapter-kit's `unusableAnswer`, so after a write
 * it is an unknown outcome (`VendorUnavailable{mayHaveSucceeded: true}`), not a contract mismatch.
 */
import { type BodyError, decodeJson, type Scrub, unusableAnswer, type VendorHttp } from "@contactkit/adapter-kit"
import type { ContactErrorReason } from "@contactkit/domain"
import { Effect, Result, Schema } from "effect"
import type { HttpClientRequest, HttpClientResponse } from "effect/http"
import { type CallContext, failureReason } from "./MonicaFailure.ts"
import { MonicaPage, unwrapOne } from "./MonicaSchema.ts"

/** A resource as decoded, beside its JSON as Monica sent it (for `Contact.remote`). */
export interface Read<A> {
  readonly value: A
  readonly raw: unknown
}

export interface ReadPage<A> {
  readonly items: ReadonlyArray<Read<A>>
  /** `meta.last_page`, when Monica says. */
  readonly lastPage: number | undefined
}

type Response = HttpClientResponse.HttpClientResponse

/** Decodes one resource read from `response`. */
export type Decode<A> = (raw: unknown, response: Response) => Effect.Effect<A, BodyError>

/** Decodes a page's items, each beside its JSON as read. */
export type DecodeItems<A> = (data: ReadonlyArray<unknown>, response: Response) => Effect.Effect<
  ReadonlyArray<Read<A>>,
  BodyError
>

/** A body (or one item of it) that does not match the schema: the schema's complaint, scrubbed and cut. */
const offContract = (response: Response, scrub: Scrub, what: string, complaint: string) =>
  unusableAnswer(response, scrub(`${what} does not match Monica's contract: ${complaint}`).slice(0, 500))

/** Decodes one resource, made once per schema and applied to every response. */
export const decodeOne = <S extends Schema.Codec<unknown, unknown>>(schema: S, scrub: Scrub): Decode<S["Type"]> => {
  const decode = Schema.decodeUnknownEffect(schema)
  return (raw, response) =>
    Effect.mapError(decode(raw), (error) => offContract(response, scrub, "the body", error.message))
}

/**
 * Decodes a page's items in one synchronous pass, stopping at the first that does not match:
 * an Effect per item cost more than the decoding itself on a page of a hundred contacts. An item `accepts`
 * vouches for (a hand-written check that never accepts what the schema refuses) is used as parsed, unknown keys
 * included, as `decodeJsonWithRaw`'s `accepts` does; whatever it refuses is decoded by the schema.
 */
export const decodeItems = <S extends Schema.Codec<unknown, unknown>>(
  schema: S,
  what: string,
  scrub: Scrub,
  accepts?: (raw: unknown) => raw is S["Type"]
): DecodeItems<S["Type"]> => {
  const decode = Schema.decodeUnknownResult(schema)
  return (data, response) => {
    const items: Array<Read<S["Type"]>> = []
    for (const raw of data) {
      if (accepts !== undefined && accepts(raw)) {
        items.push({ value: raw, raw })
        continue
      }
      const result = decode(raw)
      if (Result.isFailure(result)) return Effect.fail(offContract(response, scrub, what, result.failure.message))
      items.push({ value: result.success, raw })
    }
    return Effect.succeed(items)
  }
}

export interface MonicaCalls {
  /** One resource, unwrapped from `{"data": …}`; `raw` is the resource as read. */
  readonly single: <A>(
    request: HttpClientRequest.HttpClientRequest,
    decode: Decode<A>,
    context?: CallContext
  ) => Effect.Effect<Read<A>, ContactErrorReason>
  /** One page of a list, its items decoded one by one (so an error names the item). */
  readonly page: <A>(
    request: HttpClientRequest.HttpClientRequest,
    decode: DecodeItems<A>,
    context?: CallContext
  ) => Effect.Effect<ReadPage<A>, ContactErrorReason>
  /** A call whose 2xx status is the whole answer (a delete): its body is not needed. */
  readonly send: (request: HttpClientRequest.HttpClientRequest, context?: CallContext) => Effect.Effect<
    void,
    ContactErrorReason
  >
  readonly scrub: Scrub
}

/** The paging envelope with its items left undecoded: each item is decoded on its own, so its error names it. */
const UnknownPage = MonicaPage(Schema.Unknown)

export const make = (http: VendorHttp.VendorHttp): MonicaCalls => {
  // Decoders are made once here, not per response.
  const readJson = decodeJson(Schema.Unknown, http.scrub)
  const decodePage = decodeOne(UnknownPage, http.scrub)
  const answer = (request: HttpClientRequest.HttpClientRequest, context: CallContext) =>
    Effect.flatMap(
      http.client.execute(request),
      (response) =>
        response.status >= 200 && response.status < 300
          ? Effect.succeed(response)
          : failureReason(response, context, http.scrub)
    )
  return {
    single: (request, decode, context = {}) =>
      Effect.flatMap(answer(request, context), (response) =>
        Effect.flatMap(readJson(response), (raw) => {
          const inner = unwrapOne(raw)
          return Effect.map(decode(inner, response), (value) => ({ value, raw: inner }))
        })),
    page: (request, decode, context = {}) =>
      Effect.flatMap(
        answer(request, context),
        (response) =>
          Effect.flatMap(readJson(response), (raw) =>
            Effect.flatMap(decodePage(raw, response), (envelope) =>
              Effect.map(decode(envelope.data, response), (items) => ({ items, lastPage: envelope.meta?.last_page }))))
      ),
    send: (request, context = {}) => Effect.asVoid(answer(request, context)),
    scrub: http.scrub
  }
}
