/**
 * A mock whose port is taken stops the command with one line that says which mock, which port, and the variable
 * that moves it — instead of Node's `ServeError:` with an empty message and a stack. The server fails with a
 * defect (the platform's layer dies on a listen error), so the cause is searched for the `EADDRINUSE` under it.
 */
import { Cause, Data, Effect, Layer } from "effect"

export class PortTaken extends Data.TaggedError("PortTaken")<{
  readonly vendor: string
  readonly port: number
  readonly variable: string
}> {
  override get message() {
    return `the ${this.vendor} mock cannot listen on 127.0.0.1:${this.port}: the port is taken. ` +
      `Stop what holds it, or move this mock with ${this.variable}=<another port>.`
  }
}

/** Whether `error` (or an error under it) is Node's "address already in use". */
const addressInUse = (error: unknown, depth = 0): boolean => {
  if (depth > 4 || typeof error !== "object" || error === null) return false
  const e = error as { readonly code?: unknown; readonly cause?: unknown }
  return e.code === "EADDRINUSE" || addressInUse(e.cause, depth + 1)
}

/** `layer`, with a taken port reported as `PortTaken`; any other failure is left as it was. */
export const reportPortTaken =
  (about: { readonly vendor: string; readonly port: number; readonly variable: string }) =>
  <A, E, R>(layer: Layer.Layer<A, E, R>): Layer.Layer<A, E | PortTaken, R> =>
    Layer.catchCause(
      layer,
      (cause): Layer.Layer<A, E | PortTaken, R> =>
        cause.reasons.some((reason) =>
            (Cause.isDieReason(reason) && addressInUse(reason.defect)) ||
            (Cause.isFailReason(reason) && addressInUse(reason.error))
          )
          ? Layer.unwrap(Effect.fail(new PortTaken(about)) as Effect.Effect<Layer.Layer<A>, PortTaken>)
          : Layer.unwrap(Effect.failCause(cause) as Effect.Effect<Layer.Layer<A>, E>)
    )

/** What the command prints for a failure: a taken port's one line, anything else in full. */
export const readableFailure = <E>(cause: Cause.Cause<E>): string => {
  const taken = cause.reasons.flatMap((reason) =>
    Cause.isFailReason(reason) && reason.error instanceof PortTaken ? [reason.error] : []
  )
  return taken.length > 0 ? taken.map((error) => error.message).join("\n") : Cause.pretty(cause)
}
