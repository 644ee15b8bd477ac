/**
 * Monica's non-2xx answers → `ContactError` reasons. Monica says what went wrong twice: by status and by its own
 * `error_code` (`{"error": {"message", "error_code"}}`; Laravel's own `{"message"}` for 401); the code wins where
 * they disagree. Validation messages are Laravel's ("The first name field is required."), so the attribute they
 * start with says where in the domain the complaint belongs.
 *
 * Codes: 30 limit too big, 31 not found, 32 validation, 34 too many requests, 37 body not JSON, 39 bad sort,
 * 41 invalid parameters, 42 unauthenticated (ApiController, branch 4.x).
 */
import { readJsonBody, reasonFromStatus, type Scrub } from "@contactkit/adapter-kit"
import {
  type ContactErrorReason,
  ContactNotFound,
  Forbidden,
  type Issue,
  RateLimited,
  Unauthorized,
  UnexpectedResponse
} from "@contactkit/domain"
import { Effect, Schema } from "effect"
import type { HttpClientResponse } from "effect/http"
import { MonicaErrorBody } from "./MonicaSchema.ts"

/** Where a failing call's complaints belong in the domain model, and which contact it was about. */
export interface CallContext {
  /** The contact the call was about: a 404 is then `ContactNotFound` with this id. */
  readonly id?: string | undefined
  readonly isWrite?: boolean
  /** Laravel's attribute name ("first name", "data") → domain path. */
  readonly pathOf?: (attribute: string) => ReadonlyArray<string | number>
}

/** Laravel messages start with the attribute: "The first name field is required." */
const attributeOf = (message: string): string | undefined =>
  message.match(
    /^The (?:selected )?(first name|middle name|last name|nickname|data|contact field type id|contact field id|contact id|labels(?:\.\d+)?|job|company|name)\b/iu
  )?.[1]?.toLowerCase()

const contactPaths: Record<string, ReadonlyArray<string>> = {
  "first name": ["name", "given"],
  "middle name": ["name", "middle"],
  "last name": ["name", "family"],
  nickname: ["name", "nickname"],
  job: ["organization", "title"],
  company: ["organization", "name"]
}

/** A contact write's attribute → its domain path (empty when it names none). */
export const contactPathOf = (attribute: string): ReadonlyArray<string | number> => contactPaths[attribute] ?? []

/** Monica's answer to a field write naming a field type that is gone (deleted, or another account's). */
export const isStaleTypeMessage = (message: string): boolean =>
  /selected contact field type id is invalid/iu.test(message)

const messagesOf = (body: MonicaErrorBody | undefined): ReadonlyArray<string> => {
  if (body === undefined) return []
  if ("error" in body) return typeof body.error.message === "string" ? [body.error.message] : body.error.message
  return [body.message]
}

const decodeErrorBody = Schema.decodeUnknownOption(MonicaErrorBody)

const reasonOf = (status: number, code: number | undefined, messages: ReadonlyArray<string>, context: CallContext) => {
  const detail = messages.length > 0 ? messages.join("; ") : undefined
  if (status === 401 || code === 42) return new Unauthorized(detail ? { detail } : {})
  if (status === 402) return new Forbidden({ detail: detail ?? "the Monica account has reached its contact limit" })
  if (status === 404 || code === 31) {
    return context.id !== undefined
      ? new ContactNotFound({ id: context.id })
      : new UnexpectedResponse({ status, detail: detail ?? "not found" })
  }
  if (status === 429 || code === 34) return new RateLimited({})
  if (status === 422 || code === 32 || code === 41) {
    const issues: Array<Issue> = messages.map((message) => {
      const attribute = attributeOf(message)
      return { path: attribute !== undefined && context.pathOf ? [...context.pathOf(attribute)] : [], message }
    })
    return reasonFromStatus({ status: 422, issues, detail })
  }
  // 400 (30 limit, 37 bad JSON, 39 sort): we built a request Monica refuses — a contract mismatch.
  return reasonFromStatus({ status, detail: detail ?? `HTTP ${status}`, isWrite: context.isWrite ?? false })
}

/** A non-2xx answer → the reason it means, its messages scrubbed of the key. */
export const failureReason = (
  response: HttpClientResponse.HttpClientResponse,
  context: CallContext,
  scrub: Scrub
): Effect.Effect<never, ContactErrorReason> =>
  Effect.flatMap(readJsonBody(response), (json) => {
    const body = decodeErrorBody(json)
    const messages = messagesOf(body._tag === "Some" ? body.value : undefined).map(scrub)
    const code = body._tag === "Some" && "error" in body.value ? body.value.error.error_code : undefined
    return Effect.fail(reasonOf(response.status, code, messages, context))
  })
