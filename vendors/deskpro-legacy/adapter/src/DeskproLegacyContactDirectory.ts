/**
 * `ContactDirectory` over the Deskpro Legacy API: the only module that sees both the domain and Deskpro.
 *
 * - `list` pages through `GET /people` (≤ 250 a page) inside one cached result set (`cache_id` from the first
 *   page), so a listing sees one snapshot; each person comes with its e-mails and contact data.
 * - `create` sends one `POST /people` (name, e-mails, organization and every contact-data record, as the vendor
 *   would store them: `project` first); e-mail comments and a primary other than the first are set afterwards. A
 *   failure after the person exists deletes it again, so a failed create leaves nothing behind.
 * - `update` sends the name and organization it changes with `POST /people/{id}` (which never touches contact
 *   data), then brings the records to the patch's fields.
 * - Field operations are native (`/contact-details`, `/emails`). Deskpro cannot change a record, so an update is a
 *   delete and an add: the field comes back with a **new id**, and records after it of the same kind are re-added
 *   to keep their order (see DeskproLegacyReconcile).
 */
import { layerFromConfig, pageSize, wrapReasons } from "@contactkit/adapter-kit"
import {
  applyPatch,
  type Contact,
  ContactDirectory,
  type ContactDraft,
  type ContactErrorReason,
  type ContactField,
  type ContactId,
  ContactNotFound,
  type ContactPatch,
  type FieldRef,
  type ListOptions,
  project,
  toDraft,
  validate,
  validateChange,
  VendorUnavailable
} from "@contactkit/domain"
import { Config, Effect, Layer, Option, Stream } from "effect"
import type { HttpClient } from "effect/http"
import { capabilities } from "./DeskproLegacyCapabilities.ts"
import * as Client from "./DeskproLegacyClient.ts"
import { nameText, toContact, toDetailInput, vendor } from "./DeskproLegacyMapping.ts"
import { reconcile, type Target } from "./DeskproLegacyReconcile.ts"
import type { LegacyPersonUpdate } from "./DeskproLegacySchema.ts"

export type Options = Client.Options

type Path = Client.Path

/** Where each projected field came from in the caller's draft: the path its refusal is reported at. */
const targetsOf = (draft: ContactDraft) => {
  const projection = project(capabilities, draft)
  const targets: ReadonlyArray<Target> = projection.contact.fields.map((field, i) => ({
    field,
    at: ["fields", projection.origins[i] ?? i]
  }))
  return { projected: projection.contact, targets }
}

const partPath = (parameter: string): Path =>
  parameter === "name" ? ["name"] : parameter.startsWith("organization") ? ["organization", "name"] : []

export const make = (options: Options) =>
  Effect.gen(function*() {
    const client = yield* Client.make(options)
    const wrap = wrapReasons(vendor)

    const read = (id: string) => Effect.map(client.getPerson(id), (person) => toContact(person.value, person.raw))

    const list = (listOptions?: ListOptions) => {
      const perPage = pageSize(listOptions?.pageSize, { default: 100, max: Client.maxPageSize })
      return Stream.paginate({ page: 1, cacheId: undefined as number | undefined }, (state) =>
        Effect.map(client.search(state.page, perPage, state.cacheId), (page) => {
          const done = page.people.length === 0 || state.page * perPage >= page.total
          return [
            page.people.map((person) =>
              toContact(person.value, person.raw)
            ),
            done ? Option.none() : Option.some({ page: state.page + 1, cacheId: page.cacheId as number | undefined })
          ] as const
        })).pipe(wrap.stream("list"))
    }

    /** Deletes a half-created person; when that fails too, the create may have left it behind. */
    const undoCreate = (id: string) => (reason: ContactErrorReason) =>
      client.deletePerson(id).pipe(
        Effect.matchEffect({
          onSuccess: () => Effect.fail(reason),
          onFailure: () =>
            Effect.fail(
              new VendorUnavailable({
                detail: `person ${id} was created, then ${reason._tag}; deleting it failed too`,
                mayHaveSucceeded: true
              })
            )
        })
      )

    const create = (draft: ContactDraft) =>
      Effect.gen(function*() {
        yield* validate(capabilities, draft)
        const { projected, targets } = targetsOf(draft)
        const emails = targets.filter((t) => t.field._tag === "Email")
        const records = targets.filter((t) => t.field._tag !== "Email")
        const address = (t: Target | undefined) => (t?.field._tag === "Email" ? t.field.address : "")
        const pathOf = (parameter: string): Path =>
          parameter === "email" ?
            [...(emails[0]?.at ?? ["fields"]), "address"]
            : parameter === "secondary_email" ?
            [...(emails[1]?.at ?? ["fields"]), "address"]
            : partPath(parameter)
        const id = String(
          yield* client.createPerson({
            name: nameText(projected.name),
            email: address(emails[0]),
            ...(emails.length > 1 ? { secondary_email: emails.slice(1).map(address) } : {}),
            ...(records.length > 0
              ? { contact_data: records.map((t) => toDetailInput(t.field as Exclude<ContactField, { _tag: "Email" }>)) }
              : {}),
            ...(projected.organization.name === undefined ? {} : { organization: projected.organization.name }),
            ...(projected.organization.title === undefined
              ? {}
              : { organization_position: projected.organization.title })
          }, pathOf)
        )
        // Comments and a primary other than the first cannot be sent with the create.
        const needsMore = emails.some((t, i) => (t.field.label !== undefined) || (i > 0 && t.field.preferred === true))
        if (needsMore) {
          yield* read(id).pipe(
            Effect.flatMap((created) => reconcile(client, id, created.fields, targets)),
            Effect.catch(undoCreate(id))
          )
        }
        return { contact: yield* read(id), outcome: "created" as const }
      })

    const update = (id: ContactId, patch: ContactPatch) =>
      Effect.gen(function*() {
        const before = yield* read(id)
        const after = applyPatch(toDraft(before), patch)
        yield* validateChange(capabilities, toDraft(before), after)
        const { projected, targets } = targetsOf(after)
        const input: LegacyPersonUpdate = {
          ...(patch.name === undefined ? {} : { name: nameText(projected.name) }),
          // The position is sent whenever the organization is: an absent title clears the old one.
          ...(patch.organization === undefined ? {} : {
            organization: projected.organization.name ?? "",
            organization_position: projected.organization.title ?? ""
          })
        }
        if (Object.keys(input).length > 0) yield* client.updatePerson(id, input, partPath)
        if (patch.fields !== undefined) yield* reconcile(client, id, before.fields, targets)
        return yield* read(id)
      })

    /** The index of the field a ref names in the contact as read, or ContactNotFound naming the ref. */
    const locate = (contact: Contact, ref: FieldRef) => {
      const index = typeof ref === "number" ? ref : contact.fields.findIndex((f) => f.id === ref)
      return index >= 0 && index < contact.fields.length
        ? Effect.succeed(index)
        : Effect.fail(new ContactNotFound({ id: String(ref) }))
    }

    /** A field change as the whole list after it: validated, written, read back; the field at `position` returned. */
    const changeFields = (
      id: ContactId,
      change: (
        before: Contact
      ) => Effect.Effect<
        { readonly fields: ReadonlyArray<ContactField>; readonly position?: number },
        ContactErrorReason
      >
    ) =>
      Effect.gen(function*() {
        const before = yield* read(id)
        const { fields, position } = yield* change(before)
        const after = { ...toDraft(before), fields }
        yield* validateChange(capabilities, toDraft(before), after)
        const projection = project(capabilities, after)
        yield* reconcile(
          client,
          id,
          before.fields,
          projection.contact.fields.map((field, i) => ({
            field,
            at: ["fields", projection.origins[i] ?? i]
          }))
        )
        const stored = yield* read(id)
        const at = position === undefined ? -1 : projection.origins.indexOf(position)
        return stored.fields[at]
      })

    const fieldOps = {
      list: (id: ContactId) => read(id).pipe(Effect.map((c) => c.fields), wrap.effect("fields.list")),
      add: (id: ContactId, field: ContactField) =>
        changeFields(
          id,
          (before) => Effect.succeed({ fields: [...before.fields, field], position: before.fields.length })
        ).pipe(
          Effect.flatMap((stored) =>
            stored === undefined ? Effect.fail(new ContactNotFound({ id })) : Effect.succeed(stored)
          ),
          wrap.effect("fields.add")
        ),
      update: (id: ContactId, ref: FieldRef, field: ContactField) =>
        changeFields(id, (before) =>
          Effect.map(locate(before, ref), (index) => ({
            fields: before.fields.map((f, i) => (i === index ? field : f)),
            position: index
          }))).pipe(
            Effect.flatMap((stored) =>
              stored === undefined ? Effect.fail(new ContactNotFound({ id })) : Effect.succeed(stored)
            ),
            wrap.effect("fields.update")
          ),
      remove: (id: ContactId, ref: FieldRef) =>
        changeFields(
          id,
          (before) =>
            Effect.map(locate(before, ref), (index) => ({ fields: before.fields.filter((_, i) => i !== index) }))
        ).pipe(
          Effect.asVoid,
          wrap.effect("fields.remove")
        )
    }

    return ContactDirectory.of({
      vendor,
      capabilities,
      list,
      get: (id) => read(id).pipe(wrap.effect("get")),
      create: (draft) => create(draft).pipe(wrap.effect("create")),
      update: (id, patch) => update(id, patch).pipe(wrap.effect("update")),
      remove: (id) => client.deletePerson(id).pipe(wrap.effect("remove")),
      fields: fieldOps
    })
  })

export const layer = (options: Options): Layer.Layer<ContactDirectory, never, HttpClient.HttpClient> =>
  Layer.effect(ContactDirectory, make(options))

/** The documented variables: `DESKPRO_LEGACY_API_URL` (…/api) and `DESKPRO_LEGACY_API_KEY` (`{id}:{code}`). */
export const defaultConfig: Config.Wrap<Options> = {
  apiUrl: Config.String("DESKPRO_LEGACY_API_URL"),
  apiKey: Config.Redacted("DESKPRO_LEGACY_API_KEY")
}

export const layerConfig = (config: Config.Wrap<Options> = defaultConfig) =>
  layerFromConfig(layer, config, { vendor: "deskpro-legacy" })
