/**
 * Prism's mock (`prism mock`) of an OpenAPI document in a child process pinned to the servers' core: what a team
 * would otherwise run in place of a contactkit mock. Its request validation is on, as a real Prism mock runs it.
 */
import { Effect } from "effect"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { pinned, serverCore, startChildServer } from "./ChildServer.ts"

const prismBin = () => {
  const require = createRequire(import.meta.url)
  return join(dirname(require.resolve("@stoplight/prism-cli/package.json")), "dist", "index.js")
}

const listeningUrl = (line: string) => /Prism is listening on (http:\/\/\S+)/u.exec(line)?.[1]

/** Prism serves the document's paths, which are relative to its server URL's path (e.g. without `/v4`). */
export const startPrismMock = (name: string, document: string) =>
  Effect.gen(function*() {
    const { args, command } = pinned(serverCore, process.execPath, [prismBin(), "mock", "-h", "127.0.0.1", "-p", "0"])
    return yield* startChildServer({
      name: `prism mock (${name})`,
      command,
      args: [...args, document],
      ready: listeningUrl
    })
  })
