/**
 * A stored contact's wire form as UTF-8, made once per contact: stored contacts are immutable (every write makes a
 * new object) and their wire form depends on nothing else, so the bytes are kept by the contact object
 * (`perRow`) and go with it. A list page is its contacts' bytes joined into its envelope, without building or
 * serialising each again. The bytes are exactly those of `JSON.stringify(toWire(contact))` (tested).
 */
import { perRow } from "@contactkit/mock-platform"
import { type StoredContact, toWire } from "./NgpvanState.ts"

export const wireBytes = perRow((contact: StoredContact): Uint8Array => Buffer.from(JSON.stringify(toWire(contact))))
