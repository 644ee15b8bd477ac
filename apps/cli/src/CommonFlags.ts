/**
 * Flags and arguments more than one command takes. Vendor choices are checked against the registry as they are
 * parsed, so a typo is a usage error that lists the real choices.
 */
import { Option, Result } from "effect"
import { Argument, Flag } from "effect/cli"
import { choiceList, parseVendorChoice } from "./VendorChoice.ts"

const toOption = <A>(result: Result.Result<A, string>) =>
  Result.isSuccess(result) ? Option.some(result.success) : Option.none()

const failureOf = (text: string) => Result.match(parseVendorChoice(text), { onSuccess: () => "", onFailure: (e) => e })

export const vendorHelp = () => `one of ${choiceList()}; add @profile for a named profile (acme@work)`

export const vendorFlag = (name: string, what: string) =>
  Flag.String(name).pipe(
    Flag.withMetavar("VENDOR"),
    Flag.withDescription(`${what}: ${vendorHelp()}`),
    Flag.filterMap((text) => toOption(parseVendorChoice(text)), failureOf)
  )

export const vendorArgument = (name: string, what: string) =>
  Argument.String(name).pipe(
    Argument.withDescription(`${what}: ${vendorHelp()}`),
    Argument.filterMap((text) => toOption(parseVendorChoice(text)), failureOf)
  )

export const dryRunFlag = Flag.Boolean("dry-run").pipe(
  Flag.withDescription("Read and report what the target would refuse and lose; write nothing (no state file either)"),
  Flag.withDefault(false)
)

export const stateFlag = Flag.String("state").pipe(
  Flag.withMetavar("FILE"),
  Flag.withDescription(
    "The SQLite journal of writes and the source → target id map; run again with the same file after an interruption"
  ),
  Flag.withDefault("contactkit-state.sqlite")
)
