/**
 * What a client sees of an answer and what the request log says of its request, less what varies by moment and
 * port (the entry's id, time and duration; the Host header, which names each server's own port): two pipelines
 * that answer alike give equal values. The logged time is handed back for a test that checks its form.
 */
import type { RawReply } from "../src/testing/index.ts"

export const seenAnswer = (reply: RawReply, entry: Record<string, unknown> | undefined) => {
  const { durationMs: _duration, headers, id: _id, time, ...rest } = entry ?? {}
  const { host: _host, ...otherHeaders } = headers as Record<string, string>
  return {
    time,
    seen: {
      status: reply.status,
      contentType: reply.headers["content-type"],
      allow: reply.headers["allow"],
      connection: reply.headers["connection"],
      text: reply.text,
      logged: { ...rest, headers: otherHeaders }
    }
  }
}
