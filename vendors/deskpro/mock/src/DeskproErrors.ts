/**
 * Deskpro's error body `{status, code, message, errors?}`, where `errors` is `{errors: [{code, message}], fields:
 * {<input name>: <the same shape>}}` nested as deep as the input — built here from flat `(path, code, message)`
 * problems — and the platform's failures rendered in it.
 *
 * Documented (API reference, "Error Responses"): `invalid_json_body` "Invalid JSON body", `invalid_input` "Request
 * input is invalid.", `extra_fields` "Unexpected field names: …", `required` "This value should not be blank.".
 * The 401, 404, 405 and 429 codes are our choice (see the vendor README); a 405 carries `Allow`.
 */
import { isWrongMethod, jsonResponse, type PlatformFailure, type VendorErrorResponse } from "@contactkit/mock-platform"

/** One problem with the input; `path` names the input (`["contact_data", "twitter", "twitter_0", "username"]`). */
export interface InputProblem {
  readonly path: ReadonlyArray<string>
  readonly code: string
  readonly message: string
}

export interface ErrorItem {
  readonly code: string
  readonly message: string
}

export interface ErrorTree {
  errors?: Array<ErrorItem>
  fields?: Record<string, ErrorTree>
}

export const messages = {
  required: "This value should not be blank.",
  invalidType: (type: string) => `This value should be of type ${type}.`,
  invalidEmail: "This value is not a valid email address.",
  invalidChoice: "The value you selected is not a valid choice.",
  tooLong: (max: number) => `This value is too long. It should have ${max} characters or less.`,
  dupeEmail: (email: string) => `Email "${email}" is already in use by other user.`
} as const

export const problem = (path: ReadonlyArray<string>, code: string, message: string): InputProblem => ({
  path,
  code,
  message
})

/** Unexpected names, as Deskpro reports them on the object that has them. */
export const extraFields = (path: ReadonlyArray<string>, names: ReadonlyArray<string>): InputProblem =>
  problem(path, "extra_fields", `Unexpected field names: ${names.join(", ")}`)

/** The `errors` tree of a list of problems: each one under `fields` of every name on its path. */
export const errorTree = (problems: ReadonlyArray<InputProblem>): ErrorTree => {
  const root: ErrorTree = {}
  for (const { code, message, path } of problems) {
    let node = root
    for (const name of path) {
      node.fields ??= {}
      node = node.fields[name] ??= {}
    }
    ;(node.errors ??= []).push({ code, message })
  }
  return root
}

export const errorBody = (status: number, code: string, message: string, errors?: ErrorTree) => ({
  status,
  code,
  message,
  ...(errors === undefined ? {} : { errors })
})

export const deskproError = (status: number, code: string, message: string) =>
  jsonResponse(status, errorBody(status, code, message))

export const invalidInput = (problems: ReadonlyArray<InputProblem>) =>
  jsonResponse(400, errorBody(400, "invalid_input", "Request input is invalid.", errorTree(problems)))

export const invalidJsonBody = () => deskproError(400, "invalid_json_body", "Invalid JSON body")
export const unauthorized = () => deskproError(401, "invalid_auth", "Please provide a valid API key or token")
export const notFound = (what = "The resource") => deskproError(404, "not_found", `${what} could not be found.`)
export const rateLimited = () => deskproError(429, "rate_limit_exceeded", "Rate Limit Exceeded")

export const renderDeskproError = (failure: PlatformFailure): VendorErrorResponse => {
  switch (failure._tag) {
    case "RouteNotFound": {
      const route = `No route found for "${failure.method} ${failure.path}"`
      if (!isWrongMethod(failure)) return { status: 404, body: errorBody(404, "not_found", `${route}.`) }
      // Symfony's router: a path asked with a method it does not take is a 405 naming those it does (in `Allow`
      // too). POST on a person is Deskpro's old update verb, so the answer says what updates now.
      const allowed = failure.allowedMethods.join(", ")
      const hint = failure.method === "POST" && failure.allowedMethods.includes("PUT") ? " Update with PUT." : ""
      return {
        status: 405,
        body: errorBody(405, "method_not_allowed", `${route}: Method Not Allowed (Allow: ${allowed}).${hint}`),
        headers: { allow: allowed }
      }
    }
    case "BodyTooLarge":
      return { status: 413, body: errorBody(413, "request_too_large", "The request body is too large.") }
    // A body that is not sent as JSON cannot be read as JSON: Deskpro's API is "completely JSON".
    case "MalformedBody":
    case "UnsupportedMediaType":
      return { status: 400, body: errorBody(400, "invalid_json_body", "Invalid JSON body") }
    case "RateLimited":
      return { status: 429, body: errorBody(429, "rate_limit_exceeded", "Rate Limit Exceeded") }
    case "ServerError":
      return {
        status: failure.status,
        body: errorBody(
          failure.status,
          failure.status === 503 ? "service_unavailable" : "server_error",
          failure.message
        )
      }
  }
}
