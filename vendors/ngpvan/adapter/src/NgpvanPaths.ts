/**
 * NGP's error `properties` (`emails[1].type`, `phones[0].number`, `firstName`) → domain paths in the draft that
 * was sent (`["fields", 3, "context"]`, where 3 is that email's index among all the draft's fields). The body's
 * arrays hold the draft's fields of each kind in order (NgpvanMapping), so the n-th email is the draft's n-th Email.
 */
import type { ContactDraft, FieldKind } from "@contactkit/domain"

type Path = ReadonlyArray<string | number>

const texts: Record<string, Path> = {
  type: ["kind"],
  firstName: ["name", "given"],
  middleName: ["name", "middle"],
  lastName: ["name", "family"],
  suffix: ["name", "suffix"],
  nickname: ["name", "nickname"],
  employer: ["organization", "name"],
  occupation: ["organization", "title"],
  commonName: ["organization", "name"]
}

const arrays: Record<string, { readonly kind: FieldKind; readonly keys: Record<string, string> }> = {
  emails: { kind: "Email", keys: { address: "address", type: "context" } },
  phones: { kind: "Phone", keys: { number: "number" } },
  addresses: {
    kind: "Address",
    keys: {
      line1: "street",
      line2: "street",
      line3: "street",
      city: "locality",
      stateProvince: "region",
      postalCode: "postcode",
      countryCode: "countryCode",
      type: "context"
    }
  }
}

const positionsOf = (draft: ContactDraft, kind: FieldKind) => draft.fields.flatMap((f, i) => f._tag === kind ? [i] : [])

export const toDomainPath = (draft: ContactDraft, property: string): Path => {
  const text = texts[property]
  if (text !== undefined) return text
  if (property === "facebookProfileUrl") {
    const at = draft.fields.findIndex((f) => f._tag === "OnlineService" && f.service === "facebook")
    return at === -1 ? ["fields"] : ["fields", at, "uri"]
  }
  const match = /^(\w+)(?:\[(\d+)\])?(?:\.(\w+))?/u.exec(property)
  const array = match === null ? undefined : arrays[match[1] ?? ""]
  if (match === null || array === undefined) return []
  const position = match[2] === undefined ? undefined : positionsOf(draft, array.kind)[Number(match[2])]
  if (position === undefined) return ["fields"]
  const key = match[3] === undefined ? undefined : array.keys[match[3]]
  return key === undefined ? ["fields", position] : ["fields", position, key]
}
