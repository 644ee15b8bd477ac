/**
 * Saboteurs of what the port must refuse: invalid input, input the vendor cannot hold, a bad credential. Each
 * breaks one thing and names the assertion that must fire because of it.
 */
import { Forbidden, InvalidContact, Unsupported } from "@contactkit/domain"
import { Effect } from "effect"
import { strict } from "./FakeConfigs.ts"
import { refusingDirectory } from "./FakeVendor.ts"
import { is, type Saboteur, withReason } from "./SaboteurRun.ts"

export const refusalSaboteurs: ReadonlyArray<Saboteur> = [
  {
    scenario: "invalid-input",
    how: "an invalid field is silently dropped instead of refused",
    fires: "a create with an invalid e-mail address succeeded",
    sabotage: (base) => ({
      directory: {
        create: (draft) =>
          base.create(draft).pipe(Effect.catchIf(is("InvalidContact"), () => base.create({ ...draft, fields: [] })))
      }
    })
  },
  {
    scenario: "invalid-input",
    how: "an invalid field is refused as unsupported",
    fires: "an invalid e-mail address was refused with",
    sabotage: (base) => ({
      directory: {
        create: (draft) =>
          Effect.mapError(
            base.create(draft),
            (e) => withReason(e, new Unsupported({ issues: [{ path: ["fields"], message: "no" }] }))
          )
      }
    })
  },
  {
    scenario: "invalid-input",
    how: "the refusal names no field",
    fires: "the refusal does not name the invalid field",
    sabotage: (base) => ({
      directory: {
        create: (draft) =>
          Effect.mapError(
            base.create(draft),
            (e) => withReason(e, new InvalidContact({ issues: [{ path: [], message: "bad" }] }))
          )
      }
    })
  },
  {
    scenario: "invalid-input",
    how: "an invalid create writes the contact without its fields, then refuses",
    fires: "contacts after an invalid create",
    sabotage: (base) => ({
      directory: {
        create: (draft) =>
          base.create(draft).pipe(
            Effect.catchIf(is("InvalidContact"), (e) =>
              Effect.andThen(base.create({ ...draft, fields: [] }), Effect.fail(e)))
          )
      }
    })
  },
  {
    scenario: "unsupported-input",
    capabilities: strict,
    how: "fields over the vendor's maximum are silently dropped instead of refused",
    fires: "a create the capabilities say the vendor cannot hold succeeded",
    sabotage: (base) => ({
      directory: {
        create: (draft) =>
          base.create(draft).pipe(
            Effect.catchIf(is("Unsupported"), () =>
              base.create({ ...draft, fields: draft.fields.filter((f) => f._tag !== "Email") }))
          )
      }
    })
  },
  {
    scenario: "unsupported-input",
    capabilities: strict,
    how: "what the vendor cannot hold is refused as invalid",
    fires: "a contact the vendor cannot hold was refused with",
    sabotage: (base) => ({
      directory: {
        create: (draft) => Effect.mapError(base.create(draft), (e) => withReason(e, new InvalidContact({ issues: [] })))
      }
    })
  },
  {
    scenario: "unsupported-input",
    capabilities: strict,
    how: "an unsupported create writes what it can, then refuses",
    fires: "contacts after an unsupported create",
    sabotage: (base) => ({
      directory: {
        create: (draft) =>
          base.create(draft).pipe(
            Effect.catchIf(is("Unsupported"), (e) =>
              Effect.andThen(base.create({ ...draft, fields: [] }), Effect.fail(e)))
          )
      }
    })
  },
  {
    scenario: "unauthorized",
    how: "a bad credential is accepted",
    fires: "a listing with bad credentials succeeded",
    sabotage: (base) => ({ control: { withBadCredentials: Effect.succeed(base) } })
  },
  {
    scenario: "unauthorized",
    how: "a bad credential is refused as forbidden",
    fires: "a bad credential was refused with",
    sabotage: (base) => ({
      control: { withBadCredentials: Effect.succeed(refusingDirectory(base, new Forbidden({}))) }
    })
  }
]
