/**
 * Deskpro v2 in the registry: its mock (port 4030, base path `/api/v2`), its OpenAPI document (paths carry
 * `/api/v2`), its adapter from configuration or pointed at a mock (helpdesk A), and the conformance and bench hooks.
 */
import { DeskproCapabilities, DeskproContactDirectory } from "@contactkit/adapter-deskpro"
import { deskpro as deskproMock } from "@contactkit/mock-deskpro"
import type { Vendor } from "@contactkit/vendor-kit"
import { fileURLToPath } from "node:url"
import { deskproBench } from "./DeskproBench.ts"
import { deskproSummaryAndFeed } from "./DeskproUnmodelled.ts"

export const deskpro: Vendor = {
  name: "deskpro",
  displayName: "Deskpro",
  capabilities: DeskproCapabilities,
  mock: deskproMock,
  openapi: fileURLToPath(new URL("../openapi.yaml", import.meta.url)),
  apiPath: "/api/v2",
  env: [
    { name: "DESKPRO_API_URL", description: "API base URL, including /api/v2", mockValue: "{mock}/api/v2" },
    {
      name: "DESKPRO_API_KEY",
      description: "API key {id}:{code}, sent as Authorization: key {id}:{code}",
      secret: true,
      mockValue: "1:deskpro-key-a"
    }
  ],
  fromConfig: DeskproContactDirectory.layerConfig(),
  atMock: (apiUrl, apiKey, tuning) => DeskproContactDirectory.layer({ apiUrl, apiKey, ...tuning }),
  mockApiKey: "1:deskpro-key-a",
  unmodelled: deskproSummaryAndFeed,
  bench: deskproBench
}
