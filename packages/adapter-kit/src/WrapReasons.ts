/**
 * Where a directory turns its client's reasons into the port's one error. A client fails with
 * `ContactError` reasons only (`ContactNotFound`, `InvalidContact`, `VendorUnavailable`, …) and never
 * knows which port operation called it; the directory wraps each operation once, at its edge, so
 * every failure of `update` says `update` — even one that came from the read inside it.
 */
import { ContactError, type ContactErrorReason, type Operation } from "@contactkit/domain"
import { Effect, Stream } from "effect"

export interface WrapReasons {
  /** One reason → `ContactError{vendor, operation, reason}`. */
  readonly error: (operation: Operation) => (reason: ContactErrorReason) => ContactError
  /** An operation's effect, its reasons wrapped, in a span named after the vendor and the operation. */
  readonly effect: (
    operation: Operation
  ) => <A, R>(self: Effect.Effect<A, ContactErrorReason, R>) => Effect.Effect<A, ContactError, R>
  /** The same for a listing. */
  readonly stream: (
    operation: Operation
  ) => <A, R>(self: Stream.Stream<A, ContactErrorReason, R>) => Stream.Stream<A, ContactError, R>
}

/**
 * @example
 * ```ts
 * const wrap = wrapReasons("acme")
 * const get = (id: ContactId) => client.get(id).pipe(Effect.map(toContact), wrap.effect("get"))
 * const list = (options?: ListOptions) => offsetPages({ … }).pipe(wrap.stream("list"))
 * ```
 */
export const wrapReasons = (vendor: string): WrapReasons => {
  const error = (operation: Operation) => (reason: ContactErrorReason) =>
    new ContactError({ vendor, operation, reason })
  // The span's attributes name the vendor, the operation and how it ended (`ok` or the reason's tag): never an
  // id, a field or a message, which may carry personal data.
  const attributes = (operation: Operation) => ({
    attributes: { "contactkit.vendor": vendor, "contactkit.operation": operation }
  })
  const outcome = (failure: ContactError) => Effect.annotateCurrentSpan("contactkit.outcome", failure.reason._tag)
  const ok = Effect.annotateCurrentSpan("contactkit.outcome", "ok")
  return {
    error,
    effect: (operation) => (self) =>
      self.pipe(
        Effect.mapError(error(operation)),
        Effect.tap(() => ok),
        Effect.tapError(outcome),
        Effect.withSpan(`${vendor}.${operation}`, attributes(operation))
      ),
    stream: (operation) => (self) =>
      self.pipe(
        Stream.mapError(error(operation)),
        Stream.tapError(outcome),
        Stream.onEnd(ok),
        Stream.withSpan(`${vendor}.${operation}`, attributes(operation))
      )
  }
}
