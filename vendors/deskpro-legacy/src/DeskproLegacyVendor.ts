/**
 * Deskpro Legacy in the registry: its mock (port 4040, no rate limit, as a Deskpro installation ships), its
 * OpenAPI document, its adapter from configuration or pointed at a mock (helpdesk A), and the conformance hook.
 */
import { DeskproLegacyCapabilities, DeskproLegacyContactDirectory } from "@contactkit/adapter-deskpro-legacy"
import { deskproLegacy as deskproLegacyMock } from "@contactkit/mock-deskpro-legacy"
import type { Vendor } from "@contactkit/vendor-kit"
import { fileURLToPath } from "node:url"
import { deskproLegacyBench } from "./DeskproLegacyBench.ts"
import { deskproLegacySummary } from "./DeskproLegacyUnmodelled.ts"

export const deskproLegacy: Vendor = {
  name: "deskpro-legacy",
  displayName: "Deskpro Legacy",
  capabilities: DeskproLegacyCapabilities,
  mock: deskproLegacyMock,
  openapi: fileURLToPath(new URL("../openapi.yaml", import.meta.url)),
  apiPath: "/api",
  specBasePath: "/api",
  env: [
    { name: "DESKPRO_LEGACY_API_URL", description: "API base URL, including /api", mockValue: "{mock}/api" },
    {
      name: "DESKPRO_LEGACY_API_KEY",
      description: "API key {key id}:{code} (X-DeskPRO-API-Key)",
      secret: true,
      mockValue: "1:legacy-key-a"
    }
  ],
  fromConfig: DeskproLegacyContactDirectory.layerConfig(),
  atMock: (apiUrl, apiKey, tuning) => DeskproLegacyContactDirectory.layer({ apiUrl, apiKey, ...tuning }),
  mockApiKey: "1:legacy-key-a",
  unmodelled: deskproLegacySummary,
  bench: deskproLegacyBench
}
