/**
 * Reading an HTTP/1.1 answer from the bytes a connection delivers, into what Node's client makes of it: the status,
 * the headers as `IncomingMessage.headers` has them (names in lower case, values without surrounding blanks,
 * repeated fields joined with `, ` — `cookie` with `; `, `set-cookie` as a list — or, for the fields Node keeps
 * once, the first), and the body as UTF-8 text, framed by `Content-Length`, by chunks, or by the connection's end.
 * Informational (1xx) answers are skipped, as Node's client skips them. RawClient.ts feeds it; a test holds both
 * to Node's client over the same answers.
 */

/** What the answer so far amounts to: not yet whole, or the whole answer. */
export type ParsedReply =
  | { readonly _tag: "Partial" }
  | {
    readonly _tag: "Whole"
    readonly status: number
    readonly headers: Record<string, string | Array<string>>
    readonly text: string
    /** Whether the connection may carry another request (the answer was framed and did not ask to close). */
    readonly reusable: boolean
  }

// Fields Node's client keeps only the first of when an answer repeats them (`matchKnownFields` in _http_incoming).
const keptOnce = new Set([
  "age",
  "authorization",
  "content-length",
  "content-type",
  "etag",
  "expires",
  "from",
  "host",
  "if-modified-since",
  "if-unmodified-since",
  "last-modified",
  "location",
  "max-forwards",
  "proxy-authorization",
  "referer",
  "retry-after",
  "server",
  "user-agent"
])

/** Adds one header line to `headers` as Node's `IncomingMessage` does. */
export const addHeader = (headers: Record<string, string | Array<string>>, name: string, value: string): void => {
  const field = name.toLowerCase()
  const known = headers[field]
  if (field === "set-cookie") {
    if (Array.isArray(known)) known.push(value)
    else headers[field] = [value]
  } else if (known === undefined) {
    headers[field] = value
  } else if (!keptOnce.has(field) && typeof known === "string") {
    headers[field] = `${known}${field === "cookie" ? "; " : ", "}${value}`
  }
}

const blanks = /^[ \t]+|[ \t]+$/gu

interface Head {
  readonly status: number
  readonly headers: Record<string, string | Array<string>>
  /** Where the body starts in the buffer. */
  readonly bodyStart: number
}

/** The status line and headers ending at `end` (the empty line's offset). */
const readHead = (bytes: Buffer, end: number): Head => {
  const lines = bytes.toString("latin1", 0, end).split("\r\n")
  const status = Number(/^HTTP\/1\.[01] (\d{3})/u.exec(lines[0] ?? "")?.[1] ?? "0")
  const headers: Record<string, string | Array<string>> = {}
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? ""
    const colon = line.indexOf(":")
    if (colon > 0) addHeader(headers, line.slice(0, colon), line.slice(colon + 1).replace(blanks, ""))
  }
  return { status, headers, bodyStart: end + 4 }
}

/** The body of a chunked answer from `start`, once its last chunk has arrived. */
const readChunks = (bytes: Buffer, start: number): Buffer | undefined => {
  const parts: Array<Buffer> = []
  let at = start
  for (;;) {
    const lineEnd = bytes.indexOf("\r\n", at)
    if (lineEnd < 0) return undefined
    const size = parseInt(bytes.toString("latin1", at, lineEnd), 16)
    if (size === 0) {
      // The trailer section (usually empty) ends with an empty line.
      const end = bytes.indexOf("\r\n\r\n", lineEnd)
      return end < 0 ? undefined : Buffer.concat(parts)
    }
    if (!Number.isFinite(size) || bytes.length < lineEnd + 2 + size + 2) return undefined
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size))
    at = lineEnd + 2 + size + 2
  }
}

const partial: ParsedReply = { _tag: "Partial" }

const whole = (head: Head, body: Buffer, framed: boolean): ParsedReply => {
  const connection = head.headers["connection"]
  const closes = typeof connection === "string" && /(^|,)\s*close\s*(,|$)/iu.test(connection)
  return {
    _tag: "Whole",
    status: head.status,
    headers: head.headers,
    text: body.toString("utf8"),
    reusable: framed && !closes
  }
}

/**
 * The answer in `bytes` (everything received so far for one request of `method`); `ended` once the connection has
 * closed, when an answer without framing is whole and any other unfinished one never will be (`undefined`).
 */
export const parseReply = (bytes: Buffer, method: string, ended: boolean): ParsedReply | undefined => {
  let from = 0
  for (;;) {
    const end = bytes.indexOf("\r\n\r\n", from)
    if (end < 0) return ended ? undefined : partial
    const head = readHead(from === 0 ? bytes : bytes.subarray(from), end - from)
    const bodyStart = from + head.bodyStart
    if (head.status >= 100 && head.status < 200) {
      from = bodyStart
      continue
    }
    const rest = bytes.subarray(bodyStart)
    if (method === "HEAD" || head.status === 204 || head.status === 304) return whole(head, Buffer.alloc(0), true)
    const encoding = head.headers["transfer-encoding"]
    if (typeof encoding === "string" && /chunked\s*$/iu.test(encoding)) {
      const body = readChunks(rest, 0)
      return body !== undefined ? whole(head, body, true) : ended ? undefined : partial
    }
    const length = head.headers["content-length"]
    if (typeof length === "string") {
      const size = Number(length)
      if (rest.length >= size) return whole(head, rest.subarray(0, size), true)
      return ended ? undefined : partial
    }
    return ended ? whole(head, rest, false) : partial
  }
}
