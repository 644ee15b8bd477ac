/**
 * Child-process entry: the bare baseline. A plain `node:http` server that answers each recorded request with the
 * exact status, content type and bytes the mock answered it with, doing nothing else — no routing beyond one map
 * lookup, no parsing, no state. What the mock costs over this is what its vendor behaviour and platform cost.
 *
 * Usage: `node serveBytes.ts <file>`, the file a JSON array of `{method, path, status, contentType, body}`; prints
 * its URL on the first line of stdout.
 */
import { readFileSync } from "node:fs"
import { createServer } from "node:http"
import type { RecordedAnswer as Recorded } from "./RecordedAnswer.ts"

const recorded = JSON.parse(readFileSync(process.argv[2] ?? "", "utf8")) as ReadonlyArray<Recorded>
const answers = new Map(recorded.map((r) => [`${r.method} ${r.path}`, { ...r, bytes: Buffer.from(r.body) }]))

const server = createServer((request, response) => {
  // Read (and drop) the body as a server must before answering on a kept-alive connection.
  request.resume()
  request.on("end", () => {
    const answer = answers.get(`${request.method} ${request.url}`)
    if (answer === undefined) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(answer.status, { "content-type": answer.contentType, "content-length": answer.bytes.length })
    response.end(answer.bytes)
  })
})
server.keepAliveTimeout = 60_000
server.listen(0, "127.0.0.1", () => {
  const address = server.address()
  console.log(`http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`)
})
