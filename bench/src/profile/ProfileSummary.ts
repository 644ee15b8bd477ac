/**
 * Reading a V8 CPU profile (`.cpuprofile`, as `node --cpu-prof` or `node:inspector` write it) as shares: the part
 * of the sampled time spent in each package (Effect, Node's http, a mock, the domain, …) and in each function, self
 * time only, so the shares add up to 100%. A share is what a fix can at most win; the profile is how the bench
 * decides what to fix, since wall-clock rates on a loaded machine move by more than most fixes.
 */

interface CallFrame {
  readonly functionName: string
  readonly url: string
  readonly lineNumber: number
}

interface ProfileNode {
  readonly id: number
  readonly callFrame: CallFrame
  readonly children?: ReadonlyArray<number>
}

export interface CpuProfile {
  readonly nodes: ReadonlyArray<ProfileNode>
  readonly samples: ReadonlyArray<number>
  readonly timeDeltas: ReadonlyArray<number>
}

export interface Share {
  readonly name: string
  /** Part of the busy (non-idle) sampled time, 0–1. */
  readonly share: number
}

export interface ProfileShares {
  /** Sampled time, idle excluded, in milliseconds. */
  readonly busyMs: number
  readonly byPackage: ReadonlyArray<Share>
  readonly byFunction: ReadonlyArray<Share>
  /** Our own functions (contactkit's packages, mocks and adapters) with everything they call: what each one costs. */
  readonly ownInclusive: ReadonlyArray<Share>
}

const isOwn = (pkg: string) => pkg.startsWith("@contactkit/") || /^(mock|adapter|vendor)-/u.test(pkg)

/** Which package a frame's script belongs to: a dependency by its name, our own by folder, Node's by module. */
export const packageOf = (frame: CallFrame): string => {
  const url = frame.url
  if (url === "") return frame.functionName.startsWith("(") ? frame.functionName : "(native)"
  if (url.startsWith("node:")) {
    const module = url.slice("node:".length).replace(/^internal\//u, "")
    return `node:${module.split("/")[0] ?? module}`
  }
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/u.exec(url)
  if (dependency !== null) {
    const name = dependency[1] ?? "?"
    const effectArea = name === "effect" ? /\/(?:dist|src)\/(?:internal\/)?([a-z]+)\//u.exec(url)?.[1] : undefined
    return effectArea === undefined ? name : `effect/${effectArea}`
  }
  const own = /\/(packages|vendors|apps|bench)\/([^/]+)\/(?:(adapter|mock)\/)?/u.exec(url)
  if (own !== null) {
    const [, area, folder, part] = own
    if (area === "vendors") return `${part === undefined ? "vendor" : part}-${folder}`
    return area === "bench" ? "bench" : `@contactkit/${folder}`
  }
  return url.split("/").pop() ?? url
}

const frameName = (frame: CallFrame) => {
  const file = frame.url.split("/").pop() ?? ""
  const name = frame.functionName === "" ? "(anonymous)" : frame.functionName
  return file === "" ? name : `${name} ${file}:${frame.lineNumber + 1}`
}

const ranked = (totals: Map<string, number>, busy: number): ReadonlyArray<Share> =>
  [...totals.entries()]
    .map(([name, us]) => ({ name, share: busy === 0 ? 0 : us / busy }))
    .sort((a, b) => b.share - a.share)

export const summarize = (profile: CpuProfile): ProfileShares => {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const selfUs = new Map<number, number>()
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
  const packages = new Map<string, number>()
  const functions = new Map<string, number>()
  let busy = 0
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame
    // Idle time is no cost, and the inspector's own frames are the profiler's (in-process) sampling overhead.
    if (frame === undefined || frame.functionName === "(idle)" || frame.url === "node:inspector") continue
    busy += us
    const pkg = packageOf(frame)
    packages.set(pkg, (packages.get(pkg) ?? 0) + us)
    const fn = `${frameName(frame)} [${pkg}]`
    functions.set(fn, (functions.get(fn) ?? 0) + us)
  }
  // Inclusive time: each sample counts once for every distinct own function on its stack.
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const inclusive = new Map<string, number>()
  for (const [id, us] of selfUs) {
    const leaf = byId.get(id)?.callFrame
    if (leaf === undefined || leaf.functionName === "(idle)" || leaf.url === "node:inspector") continue
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame
      if (frame === undefined) continue
      const pkg = packageOf(frame)
      if (!isOwn(pkg)) continue
      const fn = `${frameName(frame)} [${pkg}]`
      if (seen.has(fn)) continue
      seen.add(fn)
      inclusive.set(fn, (inclusive.get(fn) ?? 0) + us)
    }
  }
  return {
    busyMs: busy / 1000,
    byPackage: ranked(packages, busy),
    byFunction: ranked(functions, busy),
    ownInclusive: ranked(inclusive, busy)
  }
}

const percent = (share: number) => `${(share * 100).toFixed(1).padStart(5)}%`

/** The shares as text: packages above `minShare`, then the top `functions` functions. */
export const renderShares = (shares: ProfileShares, options: { minShare?: number; functions?: number } = {}) => {
  const minShare = options.minShare ?? 0.005
  const lines = [`  busy ${shares.busyMs.toFixed(0)} ms sampled`, "  by package (self time):"]
  for (const { name, share } of shares.byPackage) if (share >= minShare) lines.push(`    ${percent(share)}  ${name}`)
  lines.push(`  top functions (self time):`)
  for (const { name, share } of shares.byFunction.slice(0, options.functions ?? 25)) {
    lines.push(`    ${percent(share)}  ${name}`)
  }
  lines.push(`  own functions, inclusive (with what they call):`)
  for (const { name, share } of shares.ownInclusive.slice(0, options.functions ?? 25)) {
    lines.push(`    ${percent(share)}  ${name}`)
  }
  return lines.join("\n")
}
