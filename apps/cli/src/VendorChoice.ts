/**
 * A vendor as the user names it: `acme`, or `acme@work` for a named profile of it, so that source and target can
 * be two accounts of the same vendor. Every choice the CLI offers comes from the registry; none is listed here.
 *
 * A profile reads each of the vendor's variables with the profile's name in front (`WORK_ACME_API_KEY` for
 * `acme@work`); a variable that is not secret falls back to the plain name, so two accounts on one server need
 * only their own keys. Secrets never fall back: a missing key must not silently mean the other account.
 */
import { vendorNamed, vendorNames } from "@contactkit/registry"
import type { Vendor } from "@contactkit/vendor-kit"
import { Result } from "effect"

export interface VendorChoice {
  readonly vendor: Vendor
  readonly profile: string | undefined
  /** `acme` or `acme@work`: how the choice is shown, and its key in the journal. */
  readonly label: string
}

const profilePattern = /^[A-Za-z][A-Za-z0-9_]*$/u

/** The choices, for help texts: `one, two or three`. */
export const choiceList = (): string => {
  const names = [...vendorNames]
  const last = names.pop()
  return names.length === 0 ? last ?? "" : `${names.join(", ")} or ${last}`
}

export const parseVendorChoice = (text: string): Result.Result<VendorChoice, string> => {
  const at = text.indexOf("@")
  const name = at === -1 ? text : text.slice(0, at)
  const profile = at === -1 ? undefined : text.slice(at + 1)
  const vendor = vendorNamed(name)
  if (vendor === undefined) return Result.fail(`unknown vendor "${name}": choose ${choiceList()}`)
  if (profile !== undefined && !profilePattern.test(profile)) {
    return Result.fail(`profile "${profile}" must be a letter followed by letters, digits or _`)
  }
  return Result.succeed({ vendor, profile, label: profile === undefined ? name : `${name}@${profile}` })
}

/** The variable a choice reads for one of its vendor's variables: `WORK_ACME_API_KEY` under profile `work`. */
export const profiledName = (choice: VendorChoice, variable: string): string =>
  choice.profile === undefined ? variable : `${choice.profile.toUpperCase()}_${variable}`
