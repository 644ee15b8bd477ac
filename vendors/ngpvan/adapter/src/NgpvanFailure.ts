/**
 * NGP VAN's non-2xx answers → `ContactError` reasons, reading its standard error body
 * (docs.ngpvan.com/reference/errors): a 400 `INVALID_PARAMETER` is `InvalidContact`, each of its `properties` an
 * issue at the domain path of the draft that was sent; a redirect (never followed) is `UnexpectedResponse` naming
 * where NGP pointed; everything else takes adapter-kit's defaults (401 Unauthorized, 404 ContactNotFound, …).
 * Every text copied from the body is scrubbed of the API key.
 */
import { readJsonBody, reasonFromStatus, type Scrub } from "@contactkit/adapter-kit"
import {
  type ContactErrorReason,
  type ContactId,
  InvalidContact,
  type Issue,
  UnexpectedResponse
} from "@contactkit/domain"
import { Effect, Option, Schema } from "effect"
import type { HttpClientResponse } from "effect/http"
import { NgpvanErrorBody } from "./NgpvanSchema.ts"

/** Where an error's `properties` belong in the domain model (the draft that was sent). */
export type PathOf = (property: string) => ReadonlyArray<string | number>

/** What a failing call was about: its contact (a 404 is then `ContactNotFound`), whether it wrote, what it sent. */
export interface CallContext {
  readonly id?: ContactId
  readonly isWrite: boolean
  readonly pathOf?: PathOf
}

const decodeErrorBody = Schema.decodeUnknownOption(NgpvanErrorBody)

/** A 400 from NGP's validation → the issues it names, one per property (or one for the body). */
const issuesOf = (body: NgpvanErrorBody, pathOf: PathOf | undefined, scrub: Scrub): ReadonlyArray<Issue> =>
  body.errors.flatMap((error) => {
    const message = scrub(error.text ?? error.code ?? "rejected by ngpvan")
    const properties = error.properties ?? []
    if (properties.length === 0 || pathOf === undefined) return [{ path: [], message }]
    return properties.map((property) => ({ path: pathOf(property), message: `${property}: ${message}` }))
  })

export const failure = (
  response: HttpClientResponse.HttpClientResponse,
  context: CallContext,
  scrub: Scrub
): Effect.Effect<never, ContactErrorReason> =>
  Effect.flatMap(readJsonBody(response), (json) => {
    const body = Option.getOrUndefined(decodeErrorBody(json))
    const texts = body?.errors.map((e) => e.text ?? e.code ?? "").filter((t) => t !== "") ?? []
    const detail = texts.length === 0 ? undefined : scrub(texts.join("; "))
    const status = response.status
    if (status >= 300 && status < 400) {
      const location = response.headers["location"]
      const to = location === undefined ? "" : ` to ${scrub(location)}`
      return Effect.fail(new UnexpectedResponse({ status, detail: `ngpvan redirected the request${to}` }))
    }
    if (status === 400 && body !== undefined && body.errors.some((e) => e.code === "INVALID_PARAMETER")) {
      return Effect.fail(new InvalidContact({ issues: issuesOf(body, context.pathOf, scrub) }))
    }
    return Effect.fail(reasonFromStatus({ status, detail, id: context.id, isWrite: context.isWrite }))
  })
