/** @contactkit/cli — the `contactkit` command tree, for embedding and tests; the executable is `src/main.ts`. */
export { contactkit, runCli, version } from "./Cli.ts"
export { Directories } from "./Directories.ts"
export * as Output from "./Output.ts"
export * as VendorConfiguration from "./VendorConfiguration.ts"
