// The packages whose tests the test line runs together, one vitest process per group instead of one per package.
// Each vitest process costs about 1.5–2.5 s of CPU before its first test (vitest, vite, Effect and the platform
// loaded), and the packages below already run their files in one module graph (`sharedModules`): together, a
// group loads them once. A package outside every group runs on its own through its `test` script (the sync proofs,
// the conformance suite and the fuzzing with their own settings, the consumer test). Every package keeps its own
// `vitest.config.ts` and `test` script for work on it alone; `vitest.line.ts` and `verify.mjs` read this list.
// Folder globs, so a new vendor's mock and adapter join their groups with no line here.
//
// - `modules`: tests that touch no global state (no nock, no `vi` mocks).
// - `adapters`: tests that use nock, which patches Node's HTTP when it is first imported, so they are kept apart
//   from the others; after every file nock is reset (adapter-kit's `test/nockReset.ts`).
export const testGroups = {
  modules: [
    "packages/domain",
    "packages/vcard",
    "packages/registry",
    "packages/mock-platform",
    "apps/mock-servers",
    "apps/cli",
    "vendors/*/mock"
  ],
  adapters: [
    "packages/adapter-kit",
    "vendors/*/adapter"
  ]
}
