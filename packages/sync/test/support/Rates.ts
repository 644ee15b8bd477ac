/** The most requests a mock received in any window of a given length, read off its request log's arrival times. */
import type { LoggedRequest } from "./MockVendors.ts"

export const maxInWindow = (requests: ReadonlyArray<LoggedRequest>, windowMs: number): number => {
  const times = requests.map((request) => Date.parse(request.time)).sort((a, b) => a - b)
  let most = 0
  let first = 0
  for (let last = 0; last < times.length; last++) {
    while (times[last]! - times[first]! >= windowMs) first++
    most = Math.max(most, last - first + 1)
  }
  return most
}
