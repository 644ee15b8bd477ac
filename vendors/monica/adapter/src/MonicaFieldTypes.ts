/**
 * The per-account field-type resolver. Monica numbers its field types per account (Email may be
 * 1 in one account and 57 in another) and users can rename, add and delete them, so the adapter
 * reads `/api/contactfieldtypes` once, caches what each type holds in domain terms (see
 * `classifyType`), and reads it again when a write says an id went stale.
 *
 * A type the account lacks (a default account has no "Website"; a user may have deleted
 * "Twitter") is created on first use, as a user adding such a field in Monica's settings would —
 * unless `createMissingTypes` is off, in which case the write fails with `Unsupported`.
 */
import { type ContactErrorReason, Unsupported } from "@contactkit/domain"
import { Effect, Option, Ref, Semaphore } from "effect"
import type { MonicaClient } from "./MonicaClient.ts"
import { classifyType, typeKey, type WantedType } from "./MonicaMapping.ts"
import type { MonicaContactFieldType } from "./MonicaSchema.ts"

export interface MonicaFieldTypes {
  /** The account's type for this field, from the cache (loading it the first time). */
  readonly resolve: (
    wanted: WantedType,
    path: ReadonlyArray<string | number>
  ) => Effect.Effect<MonicaContactFieldType, ContactErrorReason>
  /** Reads the account's types again, then resolves: used once when a write says an id is stale. */
  readonly refresh: (
    wanted: WantedType,
    path: ReadonlyArray<string | number>
  ) => Effect.Effect<MonicaContactFieldType, ContactErrorReason>
}

/** Types by key; with two types of one key (two "Email"-typed types), the lowest id wins. */
const index = (types: ReadonlyArray<MonicaContactFieldType>): ReadonlyMap<string, MonicaContactFieldType> => {
  const byKey = new Map<string, MonicaContactFieldType>()
  for (const type of [...types].sort((a, b) => a.id - b.id)) {
    const key = typeKey(classifyType(type))
    if (!byKey.has(key)) byKey.set(key, type)
  }
  return byKey
}

export const make = (
  client: Pick<MonicaClient, "listFieldTypes" | "createFieldType">,
  options: { readonly createMissingTypes: boolean }
): Effect.Effect<MonicaFieldTypes> =>
  Effect.gen(function*() {
    const cache = yield* Ref.make(Option.none<ReadonlyMap<string, MonicaContactFieldType>>())
    // One load or create at a time: concurrent writes must not create "Website" twice.
    const gate = yield* Semaphore.make(1)

    const load = Effect.flatMap(client.listFieldTypes, (types) => {
      const byKey = index(types)
      return Effect.as(Ref.set(cache, Option.some(byKey)), byKey)
    })

    const lookup = (
      byKey: ReadonlyMap<string, MonicaContactFieldType>,
      wanted: WantedType,
      path: ReadonlyArray<string | number>
    ): Effect.Effect<MonicaContactFieldType, ContactErrorReason> => {
      const found = byKey.get(wanted.key)
      if (found !== undefined) return Effect.succeed(found)
      if (!options.createMissingTypes) {
        return Effect.fail(
          new Unsupported({
            issues: [{ path, message: `this Monica account has no "${wanted.name}" contact field type` }]
          })
        )
      }
      return client.createFieldType({
        name: wanted.name,
        ...(wanted.protocol !== undefined ? { protocol: wanted.protocol } : {})
      }).pipe(
        Effect.tap((created) => Ref.set(cache, Option.some(new Map([...byKey, [wanted.key, created]])))),
        Effect.tap((created) =>
          Effect.logInfo(`monica: created the contact field type "${created.name}" (id ${created.id})`)
        )
      )
    }

    const resolve: MonicaFieldTypes["resolve"] = (wanted, path) =>
      Effect.gen(function*() {
        const cached = yield* Ref.get(cache)
        const hit = Option.isSome(cached) ? cached.value.get(wanted.key) : undefined
        if (hit !== undefined) return hit
        return yield* Semaphore.withPermits(gate, 1)(Effect.gen(function*() {
          // Another fiber may have loaded or created it while this one waited.
          const again = yield* Ref.get(cache)
          const byKey = Option.isSome(again) ? again.value : yield* load
          return yield* lookup(byKey, wanted, path)
        }))
      })

    const refresh: MonicaFieldTypes["refresh"] = (wanted, path) =>
      Semaphore.withPermits(gate, 1)(Effect.flatMap(load, (byKey) => lookup(byKey, wanted, path)))

    return { resolve, refresh }
  })
