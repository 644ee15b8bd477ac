/**
 * The live `Directories`: each vendor's adapter configured through its own environment variables (the registry
 * entry's `env` and `fromConfig`), from the process environment, an `--env-file`, or `--mocks`. A missing variable
 * is named with the vendor; values are handed to the adapter and never printed (secrets stay `Redacted` there).
 */
import { ContactDirectory } from "@contactkit/domain"
import type { Vendor } from "@contactkit/vendor-kit"
import { ConfigProvider, Context, Effect, Layer } from "effect"
import { FetchHttpClient } from "effect/http"
import { readFileSync } from "node:fs"
import { parseEnv } from "node:util"
import { type CliFailure, usageError } from "./CliFailure.ts"
import { Directories } from "./Directories.ts"
import type { RootSettings } from "./Root.ts"
import { profiledName, type VendorChoice } from "./VendorChoice.ts"

/** The process environment, as a service so tests run with an empty one. */
export class Environment extends Context.Service<Environment, {
  readonly variables: Readonly<Record<string, string | undefined>>
}>()("@contactkit/cli/Environment") {}

type Variables = Readonly<Record<string, string | undefined>>

/** `CK_ACME_CRM_PORT` for `acme-crm`: the same variable the mock-server command reads to move a mock. */
export const portVariable = (vendor: Vendor) => `CK_${vendor.name.toUpperCase().replaceAll("-", "_")}_PORT`

/** Every variable of `vendor` set as its local mock server expects. */
export const mockVariables = (vendor: Vendor, environment: Variables): Record<string, string> => {
  const port = environment[portVariable(vendor)] ?? String(vendor.mock.defaultPort)
  const origin = `http://127.0.0.1:${port}`
  return Object.fromEntries(vendor.env.map((variable) => [variable.name, variable.mockValue.replace("{mock}", origin)]))
}

const readEnvFile = (path: string): Effect.Effect<Variables, CliFailure> =>
  Effect.try({
    try: () => parseEnv(readFileSync(path, "utf8")),
    catch: (error) => usageError(`cannot read --env-file ${path}: ${(error as Error).message}`)
  })

/**
 * The values of a choice's variables, looked up in `sources` in order: first under the profile's name, then (for a
 * variable that is not secret) under the plain name. Fails naming every missing variable.
 */
export const resolveVariables = (
  choice: VendorChoice,
  sources: ReadonlyArray<Variables>
): Effect.Effect<Record<string, string>, CliFailure> => {
  const values: Record<string, string> = {}
  const missing: Array<string> = []
  for (const variable of choice.vendor.env) {
    const names = [profiledName(choice, variable.name)]
    if (choice.profile !== undefined && variable.secret !== true) names.push(variable.name)
    const value = names.flatMap((name) => sources.map((source) => source[name])).find((v) =>
      v !== undefined && v !== ""
    )
    if (value === undefined) missing.push(`${names.join(" or ")} (${variable.description})`)
    else values[variable.name] = value
  }
  if (missing.length === 0) return Effect.succeed(values)
  return Effect.fail(usageError(
    `${choice.label} (${choice.vendor.displayName}) needs ${missing.join(", ")}: set ${
      missing.length === 1 ? "it" : "them"
    } in the environment or an ` +
      `--env-file, or add --mocks to use the local mock servers`
  ))
}

const open = (environment: Variables) => (choice: VendorChoice, settings: RootSettings) =>
  Layer.unwrap(Effect.gen(function*() {
    const file = settings.envFile._tag === "Some" ? yield* readEnvFile(settings.envFile.value) : {}
    const mocks = settings.mocks ? mockVariables(choice.vendor, environment) : {}
    const values = yield* resolveVariables(choice, [mocks, environment, file])
    return choice.vendor.fromConfig.pipe(
      Layer.provide(FetchHttpClient.layer),
      Layer.provide(ConfigProvider.layer(ConfigProvider.fromUnknown(values))),
      // The adapter's own message names the variable and the rule it broke; it never holds a secret's value.
      Layer.catchTag(
        "ConfigError",
        (error) => Layer.effect(ContactDirectory, Effect.fail(usageError(`${choice.label}: ${error.message}`)))
      )
    )
  }))

export const layer: Layer.Layer<Directories, never, Environment> = Layer.effect(
  Directories,
  Environment.useSync((environment) => Directories.of({ open: open(environment.variables) }))
)
