/**
 * Phone.com in the registry: its mock (port 4010), its OpenAPI document, its adapter from configuration or pointed
 * at a mock (account 1001, extension 1), and the hooks the conformance suite and the benchmarks use.
 */
import { PhonecomCapabilities, PhonecomContactDirectory } from "@contactkit/adapter-phonecom"
import { phonecom as phonecomMock } from "@contactkit/mock-phonecom"
import type { Vendor } from "@contactkit/vendor-kit"
import { fileURLToPath } from "node:url"
import { phonecomBench } from "./PhonecomBench.ts"
import { phonecomGroup } from "./PhonecomUnmodelled.ts"

export const phonecom: Vendor = {
  name: "phonecom",
  displayName: "Phone.com",
  capabilities: PhonecomCapabilities,
  mock: phonecomMock,
  openapi: fileURLToPath(new URL("../openapi.yaml", import.meta.url)),
  apiPath: "/v4",
  specBasePath: "/v4",
  env: [
    { name: "PHONECOM_API_URL", description: "API base URL, including /v4", mockValue: "{mock}/v4" },
    { name: "PHONECOM_API_KEY", description: "API token (Bearer)", secret: true, mockValue: "phonecom-token-a" },
    { name: "PHONECOM_ACCOUNT_ID", description: "account (voip) id", mockValue: "1001" },
    { name: "PHONECOM_EXTENSION_ID", description: "extension id whose contacts are used", mockValue: "1" }
  ],
  fromConfig: PhonecomContactDirectory.layerConfig(),
  atMock: (apiUrl, apiKey, tuning) =>
    PhonecomContactDirectory.layer({ apiUrl, apiKey, accountId: 1001, extensionId: 1, ...tuning }),
  mockApiKey: "phonecom-token-a",
  unmodelled: phonecomGroup,
  bench: phonecomBench
}
