/**
 * Cuts a stream of text chunks into whole lines. A process writes its log in chunks that need not end at a line
 * break, so a line may arrive in two pieces: the unfinished tail of each chunk is held until the rest comes (or the
 * stream ends), and `onLine` only ever sees complete lines.
 */
export interface LineSplitter {
  /** Feeds the next chunk; calls `onLine` for every line it completes. */
  readonly push: (chunk: string) => void
  /** The stream ended: a last line without a line break is a line too. */
  readonly end: () => void
}

export const lineSplitter = (onLine: (line: string) => void): LineSplitter => {
  let pending = ""
  return {
    push: (chunk) => {
      const parts = (pending + chunk).split("\n")
      pending = parts.pop() ?? ""
      for (const line of parts) onLine(line.endsWith("\r") ? line.slice(0, -1) : line)
    },
    end: () => {
      if (pending !== "") onLine(pending)
      pending = ""
    }
  }
}
