/**
 * NGP VAN in the registry: its mock (port 4050, base path `/v2`), its OpenAPI document, its adapter from
 * configuration or pointed at a mock (tenant A), and the conformance hook for the data the domain does not model.
 */
import { NgpvanCapabilities, NgpvanContactDirectory } from "@contactkit/adapter-ngpvan"
import { ngpvan as ngpvanMock } from "@contactkit/mock-ngpvan"
import type { Vendor } from "@contactkit/vendor-kit"
import { fileURLToPath } from "node:url"
import { ngpvanBench } from "./NgpvanBench.ts"
import { ngpvanCodesAndOptOuts } from "./NgpvanUnmodelled.ts"

export const ngpvan: Vendor = {
  name: "ngpvan",
  displayName: "NGP VAN",
  capabilities: NgpvanCapabilities,
  mock: ngpvanMock,
  openapi: fileURLToPath(new URL("../openapi.yaml", import.meta.url)),
  apiPath: "/v2",
  specBasePath: "/v2",
  env: [
    { name: "NGPVAN_API_URL", description: "NGP API base URL, including /v2", mockValue: "{mock}/v2" },
    {
      name: "NGPVAN_API_KEY",
      description: "API key (a GUID), sent as Basic apiuser:<key>",
      secret: true,
      mockValue: "11111111-1111-4111-8111-111111111111"
    }
  ],
  fromConfig: NgpvanContactDirectory.layerConfig(),
  atMock: (apiUrl, apiKey, tuning) => NgpvanContactDirectory.layer({ apiUrl, apiKey, ...tuning }),
  mockApiKey: "11111111-1111-4111-8111-111111111111",
  unmodelled: ngpvanCodesAndOptOuts,
  bench: ngpvanBench
}
