/**
 * A Deskpro answer that is not 2xx → the `ContactError` reason it means, read from Deskpro's error body
 * `{status, code, message, errors?}`: a 400 `invalid_input` is `InvalidContact` with its error tree at domain
 * paths (see DeskproErrorPaths), a 404 on a person `ContactNotFound`, a 423 (helpdesk offline for maintenance)
 * `VendorUnavailable` that cannot have succeeded; the rest as adapter-kit maps every vendor's statuses — and a 400
 * of another code (`invalid_json_body`) is a request the adapter built wrong, `UnexpectedResponse`.
 */
import { readJsonBody, reasonFromStatus, type Scrub } from "@contactkit/adapter-kit"
import { type ContactErrorReason, ContactNotFound, InvalidContact, VendorUnavailable } from "@contactkit/domain"
import { Effect, Option, Schema } from "effect"
import type { HttpClientResponse } from "effect/http"
import { issuesOf } from "./DeskproErrorPaths.ts"
import type { Layout } from "./DeskproInput.ts"
import { DeskproError } from "./DeskproSchema.ts"

/** What a failing call was about: its person (a 404 is then `ContactNotFound`) and the layout of what it sent. */
export interface CallContext {
  readonly id?: string
  readonly layout?: Layout
  readonly isWrite: boolean
}

const decodeError = Schema.decodeUnknownOption(DeskproError)

export const failure = (
  response: HttpClientResponse.HttpClientResponse,
  context: CallContext,
  scrub: Scrub
): Effect.Effect<never, ContactErrorReason> =>
  Effect.flatMap(readJsonBody(response), (json) => {
    const body = Option.getOrUndefined(decodeError(json))
    const detail = body?.message === undefined ? undefined : scrub(body.message)
    const status = response.status
    if (status === 400 && body?.code === "invalid_input") {
      const issues = issuesOf(body.errors, context.layout, scrub)
      return Effect.fail(
        new InvalidContact({ issues: issues.length > 0 ? issues : [{ path: [], message: detail ?? "invalid input" }] })
      )
    }
    if (status === 404 && context.id !== undefined) return Effect.fail(new ContactNotFound({ id: context.id }))
    if (status === 423) {
      return Effect.fail(
        new VendorUnavailable({ status, detail: detail ?? "the helpdesk is offline", mayHaveSucceeded: false })
      )
    }
    return Effect.fail(reasonFromStatus({ status, detail, id: context.id, isWrite: context.isWrite }))
  })
