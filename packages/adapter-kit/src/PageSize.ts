/**
 * The page size a listing asks a vendor for: the caller's `ListOptions.pageSize` when it is a usable
 * number, else the adapter's default, and never more than the vendor allows in one page (a vendor
 * refuses a larger `limit`, or silently cuts it, which would end a page-by-page listing early).
 */

export interface PageSizeLimits {
  /** What a listing asks for when the caller does not say. */
  readonly default: number
  /** The vendor's largest page. */
  readonly max: number
}

/**
 * A whole number in `1…max`: a fraction is rounded down, anything below 1 asks for 1 (as the memory
 * directory does), and a missing or non-finite request (`NaN`, `Infinity`) gives the default.
 */
export const pageSize = (requested: number | undefined, limits: PageSizeLimits): number => {
  const clamp = (n: number) => Math.min(Math.max(1, Math.floor(limits.max)), Math.max(1, Math.floor(n)))
  return requested === undefined || !Number.isFinite(requested) ? clamp(limits.default) : clamp(requested)
}
