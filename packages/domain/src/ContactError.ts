/**
 * The one error of the port: a `ContactError` naming the vendor and the operation, with a
 * `reason` that says what went wrong and whether a retry can help.
 */
import { Duration, Schema } from "effect"

/** One problem with a contact, at a path in the domain model (`["fields", 2, "address"]`). */
export const Issue = Schema.Struct({
  path: Schema.Array(Schema.Union([Schema.String, Schema.Number])),
  message: Schema.String
})
export type Issue = typeof Issue.Type

/** `at ["fields"][2]["address"]: must be an e-mail address` */
export const formatIssue = (issue: Issue): string =>
  `at ${issue.path.map((p) => `[${JSON.stringify(p)}]`).join("") || "[]"}: ${issue.message}`

export class ContactNotFound extends Schema.TaggedError<ContactNotFound>()("ContactNotFound", {
  id: Schema.String
}) {
  get isRetryable() {
    return false
  }
  override get message() {
    return `contact ${this.id} not found`
  }
}

/** The contact breaks a rule of the domain or of the vendor; nothing was written. */
export class InvalidContact extends Schema.TaggedError<InvalidContact>()("InvalidContact", {
  issues: Schema.Array(Issue)
}) {
  get isRetryable() {
    return false
  }
  override get message() {
    return this.issues.map(formatIssue).join("\n")
  }
}

/** The vendor cannot hold or do this (see its Capabilities); nothing was written. */
export class Unsupported extends Schema.TaggedError<Unsupported>()("Unsupported", {
  issues: Schema.Array(Issue)
}) {
  get isRetryable() {
    return false
  }
  override get message() {
    return this.issues.map(formatIssue).join("\n")
  }
}

export class Unauthorized extends Schema.TaggedError<Unauthorized>()("Unauthorized", {
  detail: Schema.optionalKey(Schema.String)
}) {
  get isRetryable() {
    return false
  }
  override get message() {
    return this.detail ?? ""
  }
}

export class Forbidden extends Schema.TaggedError<Forbidden>()("Forbidden", {
  detail: Schema.optionalKey(Schema.String)
}) {
  get isRetryable() {
    return false
  }
  override get message() {
    return this.detail ?? ""
  }
}

export class Conflict extends Schema.TaggedError<Conflict>()("Conflict", {
  detail: Schema.optionalKey(Schema.String)
}) {
  get isRetryable() {
    return false
  }
  override get message() {
    return this.detail ?? ""
  }
}

export class RateLimited extends Schema.TaggedError<RateLimited>()("RateLimited", {
  /** How long the vendor asked us to wait, when it said. */
  retryAfter: Schema.optionalKey(Schema.Duration)
}) {
  get isRetryable() {
    return true
  }
  override get message() {
    return this.retryAfter === undefined ? "" : `the vendor asked to wait ${Duration.format(this.retryAfter)}`
  }
}

/** 5xx, timeout or transport failure. For a write, `mayHaveSucceeded` says whether it may have happened. */
export class VendorUnavailable extends Schema.TaggedError<VendorUnavailable>()("VendorUnavailable", {
  status: Schema.optionalKey(Schema.Number),
  detail: Schema.optionalKey(Schema.String),
  mayHaveSucceeded: Schema.Boolean
}) {
  get isRetryable() {
    return !this.mayHaveSucceeded
  }
  override get message() {
    const what = this.detail ?? (this.status === undefined ? "" : `HTTP ${this.status}`)
    return this.mayHaveSucceeded ? `${what} (the write may have happened)` : what
  }
}

/** The vendor answered with something its contract does not allow; keeps a short excerpt. */
export class UnexpectedResponse extends Schema.TaggedError<UnexpectedResponse>()("UnexpectedResponse", {
  status: Schema.optionalKey(Schema.Number),
  detail: Schema.String,
  bodyExcerpt: Schema.optionalKey(Schema.String)
}) {
  get isRetryable() {
    return false
  }
  override get message() {
    return this.detail
  }
}

export const ContactErrorReason = Schema.Union([
  ContactNotFound,
  InvalidContact,
  Unsupported,
  Unauthorized,
  Forbidden,
  Conflict,
  RateLimited,
  VendorUnavailable,
  UnexpectedResponse
])
export type ContactErrorReason = typeof ContactErrorReason.Type

export const Operation = Schema.Literals([
  "list",
  "get",
  "create",
  "update",
  "remove",
  "fields.list",
  "fields.add",
  "fields.update",
  "fields.remove"
])
export type Operation = typeof Operation.Type

export class ContactError extends Schema.TaggedError<ContactError>()("ContactError", {
  vendor: Schema.String,
  operation: Operation,
  reason: ContactErrorReason
}) {
  get isRetryable(): boolean {
    return this.reason.isRetryable
  }
  override get message() {
    const detail = this.reason.message
    return `${this.vendor} ${this.operation}: ${this.reason._tag}${detail ? `\n${detail}` : ""}`
  }
}
