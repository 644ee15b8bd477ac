/**
 * Looking for contacts at the target by content: after a write whose outcome is unknown (the vendor failed in a
 * way that may have stored it, or a run stopped mid-write), the target is listed and a contact with the write's
 * fingerprint that no other journal entry claims is taken to be that write. Only the wanted fingerprints are kept
 * while listing, so memory stays bounded by the open writes, not by the target's size.
 */
import type { ContactDirectory } from "@contactkit/domain"
import { Effect, Stream } from "effect"
import type { Journal, Route } from "./Journal.ts"
import { fingerprint } from "./WritePlan.ts"

/** For each wanted fingerprint, the ids of unclaimed target contacts that have it (oldest listing order). */
export const findAtTarget = (
  directory: ContactDirectory.Service,
  journal: Journal,
  route: Route,
  wanted: ReadonlySet<string>
) =>
  Effect.gen(function*() {
    const found = new Map<string, Array<string>>()
    if (wanted.size === 0) return found
    yield* directory.list().pipe(
      Stream.runForEach((contact) =>
        Effect.gen(function*() {
          const print = fingerprint(contact)
          if (!wanted.has(print) || (yield* journal.claims(route, contact.id))) return
          const ids = found.get(print) ?? []
          ids.push(contact.id)
          found.set(print, ids)
        })
      )
    )
    return found
  })
