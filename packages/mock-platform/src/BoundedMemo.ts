/**
 * A function's answers kept by argument, for pure functions of a string that a mock calls on every write (a phone
 * parser): each distinct argument is computed once. Bounded, so a client sending endless distinct values cannot
 * grow the mock's memory: the answers are forgotten all at once when `limit` of them are held.
 */
export const boundedMemo = <A>(compute: (key: string) => A, limit = 16_384): (key: string) => A => {
  const answers = new Map<string, A>()
  return (key) => {
    if (answers.has(key)) return answers.get(key) as A
    const answer = compute(key)
    if (answers.size >= limit) answers.clear()
    answers.set(key, answer)
    return answer
  }
}
