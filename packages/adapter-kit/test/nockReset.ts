/**
 * Setup file run before every test file of adapter-kit and of every adapter (their configs and the test line's
 * `adapters` group point here): their files share one module graph (and so one nock) per worker, so after each
 * file nock is put back as a fresh worker would have it — no interceptors left, real connections allowed — and no
 * file's recordings or `disableNetConnect` reach the next one.
 */
import nock from "nock"
import { afterAll } from "vitest"

afterAll(() => {
  nock.cleanAll()
  nock.enableNetConnect()
})
