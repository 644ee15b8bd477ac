/**
 * Deterministic people for filling a mock through its API (benchmarks, load tests): the i-th person is always the
 * same, and every vendor's bench hook writes the same people in its own shape.
 */
const firstNames = ["Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Radia"]
const lastNames = ["Lovelace", "Hopper", "Turing", "Johnson", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson"]
const companies = ["Acme Corp", "Globex", "Initech", "Umbrella", "Stark Industries"]

export interface GeneratedPerson {
  readonly first: string
  readonly last: string
  readonly company: string
  readonly email: string
  readonly phone: string
}

export const generatedPerson = (i: number): GeneratedPerson => {
  const first = firstNames[i % firstNames.length] ?? "Ada"
  const last = lastNames[Math.floor(i / firstNames.length) % lastNames.length] ?? "Lovelace"
  return {
    first,
    last,
    company: companies[i % companies.length] ?? "Acme Corp",
    email: `${first}.${last}.${i}@example.com`.toLowerCase(),
    phone: `+1 212 555 ${String(i % 10_000).padStart(4, "0")}`
  }
}
