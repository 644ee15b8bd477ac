/**
 * Splitting a vCard file into its cards line by line, so a file of many thousand cards is read one card at a
 * time. A card is everything from a `BEGIN:VCARD` line to its `END:VCARD` line; anything between cards is skipped.
 */
export interface VCardSplitter {
  /** Takes one line (without its line end); returns a whole card when this line ended one. */
  readonly push: (line: string) => string | undefined
  /** Whether a card was started and never ended (a truncated file). */
  readonly unfinished: () => boolean
}

export const makeVCardSplitter = (): VCardSplitter => {
  let lines: Array<string> | undefined
  return {
    push: (line) => {
      const bare = line.trim().toUpperCase()
      if (bare === "BEGIN:VCARD") lines = [line]
      else if (lines !== undefined) {
        lines.push(line)
        if (bare === "END:VCARD") {
          const card = lines.join("\r\n") + "\r\n"
          lines = undefined
          return card
        }
      }
      return undefined
    },
    unfinished: () => lines !== undefined
  }
}
