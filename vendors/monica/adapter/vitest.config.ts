/**
 * The shared settings in two projects. Every test file but one shares one module graph per worker
 * (`sharedModules`); `test/nockReset.ts` leaves nock clean after each file, so no file's interceptors leak into the
 * next. `MonicaUpdateValidated` replaces a domain export with `vi.mock`, which only takes effect in a module graph
 * of its own (in a shared one the directory would already hold the real export), so it keeps an isolated worker.
 *
 * A project's `include` is added to the declaring config's, so the files are named by the projects alone.
 */
import { defineConfig } from "vitest/config"
import shared, { sharedModules } from "../../../vitest.shared.ts"

const moduleMocks = ["test/MonicaUpdateValidated.test.ts"]
const { include = [], ...common } = shared.test ?? {}

export default defineConfig({
  ...shared,
  test: {
    ...common,
    setupFiles: ["test/nockReset.ts"],
    projects: [
      { extends: true, test: { ...sharedModules.test, name: "shared", include, exclude: moduleMocks } },
      { extends: true, test: { name: "module mocks", include: moduleMocks } }
    ]
  }
})
