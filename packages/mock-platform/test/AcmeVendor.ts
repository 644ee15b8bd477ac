/**
 * A tiny vendor module for the platform's own tests: items `{id, name}` per tenant under `/api/items`, bearer
 * tokens, `{error: …}` bodies from the platform's defaults. `lax` builds a careless variant (ids read with
 * `parseInt`, bodies read whatever their Content-Type) that the bad-input test must catch.
 */
import { Clock, Effect, HashMap, Ref } from "effect"
import { HttpRouter, HttpServerRequest } from "effect/http"
import type { HttpServerResponse } from "effect/http"
import {
  defaultMessage,
  defaultStatus,
  jsonResponse,
  type PlatformError,
  readBodyText,
  readJsonBody,
  valuesInIdOrder,
  type VendorModule
} from "../src/index.ts"

interface Item {
  readonly id: number
  readonly tenant: number
  readonly name: string
  readonly updatedAt: number
}

interface State {
  readonly nextId: number
  readonly items: HashMap.HashMap<number, Item>
}

const empty: State = { nextId: 1, items: HashMap.empty() }
const seeded: State = {
  nextId: 4,
  items: HashMap.fromIterable([
    [1, { id: 1, tenant: 1, name: "Anvil", updatedAt: 0 }],
    [2, { id: 2, tenant: 1, name: "Rocket skates", updatedAt: 0 }],
    [3, { id: 3, tenant: 2, name: "Giant magnet", updatedAt: 0 }]
  ])
}

const tenants: Readonly<Record<string, number>> = { "acme-token-a": 1, "acme-token-b": 2 }
const error = (status: number, message: string) => jsonResponse(status, { error: message })

const makeAcme = (lax: boolean): VendorModule => ({
  name: lax ? "acme-lax" : "acme",
  defaultPort: 4999,
  credentials: [
    { token: "acme-token-a", description: "tenant 1" },
    { token: "acme-token-b", description: "tenant 2" }
  ],
  rateLimits: [{ limit: 3, windowSeconds: 60, perRoute: true }],
  renderError: (failure) => ({ status: defaultStatus(failure), body: { error: defaultMessage(failure) } }),
  make: Effect.gen(function*() {
    const state = yield* Ref.make(empty)
    const idOf = (raw: string | undefined) =>
      lax ? Number.parseInt(raw ?? "", 10) : /^\d{1,9}$/u.test(raw ?? "") ? Number(raw) : Number.NaN
    const readName = lax
      ? Effect.map(readBodyText, (text) => {
        try {
          return (JSON.parse(text) as { name?: unknown }).name
        } catch {
          return undefined
        }
      })
      : Effect.map(readJsonBody, (body) => (body as { name?: unknown } | null)?.name)

    type Handler = (
      tenant: number,
      id: number
    ) => Effect.Effect<HttpServerResponse.HttpServerResponse, PlatformError, HttpServerRequest.HttpServerRequest>
    const authed = (handler: Handler) =>
      Effect.gen(function*() {
        const request = yield* HttpServerRequest.HttpServerRequest
        const tenant = tenants[/^Bearer (\S+)$/u.exec(request.headers["authorization"] ?? "")?.[1] ?? ""]
        if (tenant === undefined) return error(401, "Unauthenticated")
        const params = yield* HttpRouter.params
        return yield* handler(tenant, idOf(params["id"]))
      })
    const own = (s: State, tenant: number, id: number) => {
      const item = HashMap.get(s.items, id)
      return item._tag === "Some" && item.value.tenant === tenant ? item.value : undefined
    }
    const write = (tenant: number, id: number | undefined) =>
      Effect.gen(function*() {
        const name = yield* readName
        const now = yield* Clock.currentTimeMillis
        return yield* Ref.modify(state, (s): readonly [HttpServerResponse.HttpServerResponse, State] => {
          if (typeof name !== "string" || name === "" || name.length > 50) return [error(422, "name is invalid"), s]
          const existing = id === undefined ? undefined : own(s, tenant, id)
          if (id !== undefined && existing === undefined) return [error(404, "Not found"), s]
          const item = { id: existing?.id ?? s.nextId, tenant, name, updatedAt: now }
          const nextId = existing === undefined ? s.nextId + 1 : s.nextId
          return [jsonResponse(existing === undefined ? 201 : 200, item), {
            nextId,
            items: HashMap.set(s.items, item.id, item)
          }]
        })
      })
    return {
      routes: [
        HttpRouter.route(
          "GET",
          "/api/items",
          authed((tenant) =>
            Effect.map(
              Ref.get(state),
              (s) => jsonResponse(200, { items: valuesInIdOrder(s.items).filter((item) => item.tenant === tenant) })
            )
          )
        ),
        HttpRouter.route("POST", "/api/items", authed((tenant) => write(tenant, undefined))),
        HttpRouter.route(
          "GET",
          "/api/items/:id",
          authed((tenant, id) =>
            Effect.map(Ref.get(state), (s) => {
              const item = own(s, tenant, id)
              return item === undefined ? error(404, "Not found") : jsonResponse(200, item)
            })
          )
        ),
        HttpRouter.route("PUT", "/api/items/:id", authed(write)),
        HttpRouter.route(
          "DELETE",
          "/api/items/:id",
          authed((tenant, id) =>
            Ref.modify(state, (s): readonly [HttpServerResponse.HttpServerResponse, State] => {
              const item = own(s, tenant, id)
              return item === undefined
                ? [error(404, "Not found"), s]
                : [jsonResponse(200, { deleted: id }), { ...s, items: HashMap.remove(s.items, id) }]
            })
          )
        )
      ],
      reset: Ref.set(state, empty),
      seed: Ref.set(state, seeded),
      // The demo items, then `count` generated ones for tenant 1 (the first credential's).
      generate: (count) =>
        Ref.set(state, {
          nextId: seeded.nextId + count,
          items: Array.from({ length: count }, (_, i) => seeded.nextId + i).reduce(
            (items, id) => HashMap.set(items, id, { id, tenant: 1, name: `Item ${id}`, updatedAt: 0 }),
            seeded.items
          )
        }),
      snapshot: Effect.map(Ref.get(state), (s) => ({ nextId: s.nextId, items: valuesInIdOrder(s.items) }))
    }
  })
})

export const acme = makeAcme(false)
export const laxAcme = makeAcme(true)
export const tokenA = "acme-token-a"
export const tokenB = "acme-token-b"
