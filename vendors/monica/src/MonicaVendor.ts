/**
 * Monica in the registry: its mock (port 4020, throttled as Monica is unless switched off), its OpenAPI document,
 * its adapter from configuration or pointed at a mock (account 1), and the conformance and bench hooks.
 */
import { MonicaCapabilities, MonicaContactDirectory } from "@contactkit/adapter-monica"
import { makeMonica, monica as monicaMock } from "@contactkit/mock-monica"
import type { Vendor } from "@contactkit/vendor-kit"
import { fileURLToPath } from "node:url"
import { monicaBench } from "./MonicaBench.ts"
import { monicaDescription } from "./MonicaUnmodelled.ts"

export const monica: Vendor = {
  name: "monica",
  displayName: "Monica",
  capabilities: MonicaCapabilities,
  mock: monicaMock,
  mockWithoutThrottle: makeMonica({ rateLimit: false }),
  openapi: fileURLToPath(new URL("../openapi.yaml", import.meta.url)),
  apiPath: "/api",
  env: [
    { name: "MONICA_API_URL", description: "API base URL, including /api", mockValue: "{mock}/api" },
    { name: "MONICA_API_KEY", description: "personal access token (Bearer)", secret: true, mockValue: "monica-token-a" }
  ],
  fromConfig: MonicaContactDirectory.layerConfig(),
  atMock: (apiUrl, apiKey, tuning) => MonicaContactDirectory.layer({ apiUrl, apiKey, ...tuning }),
  mockApiKey: "monica-token-a",
  unmodelled: monicaDescription,
  bench: monicaBench
}
