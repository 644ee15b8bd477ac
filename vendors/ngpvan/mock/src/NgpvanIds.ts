/**
 * NGP contact ids in the shape of NGP's one published example (`VN93A9H7CW7`): `VN` and nine characters of
 * `0-9A-Z`. The mock numbers contacts 1, 2, 3… across all tenants and scrambles each number into an id with a
 * bijection (multiplication by a constant coprime to 36⁹), so ids look like NGP's, are unique across tenants (a
 * tenant asking for another's id always gets 404) and decode back to the number without an index.
 */

const width = 9
const modulus = 36n ** BigInt(width)
// Odd and not a multiple of 3, so coprime to 36⁹: multiplication by it permutes 0 … 36⁹-1. About 0.62 of the
// modulus, so consecutive numbers land far apart.
const factor = 62_764_136_427_787n
const pattern = /^VN[0-9A-Z]{9}$/u

/** The inverse of `a` modulo `m` (extended Euclid); `a` and `m` are coprime. */
const inverse = (a: bigint, m: bigint): bigint => {
  let [oldR, r] = [a % m, m]
  let [oldS, s] = [1n, 0n]
  while (r !== 0n) {
    const q = oldR / r
    ;[oldR, r] = [r, oldR - q * r]
    ;[oldS, s] = [s, oldS - q * s]
  }
  return ((oldS % m) + m) % m
}

const unfactor = inverse(factor, modulus)

/** The id of contact number `n` (n ≥ 1). */
export const contactIdOf = (n: number): string =>
  `VN${((BigInt(n) * factor) % modulus).toString(36).toUpperCase().padStart(width, "0")}`

/** The number behind an id, or undefined when the text is no id this mock could have given. */
export const numberOf = (contactId: string): number | undefined => {
  if (!pattern.test(contactId)) return undefined
  const n = (parseBase36(contactId.slice(2)) * unfactor) % modulus
  return n > 0n && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : undefined
}

const parseBase36 = (digits: string): bigint =>
  [...digits.toLowerCase()].reduce((value, digit) => value * 36n + BigInt(parseInt(digit, 36)), 0n)
