/**
 * The registry: every implementation the conformance suite runs against. This is the only file
 * that names every vendor; adding one is one entry here.
 */
import { MonicaCapabilities, MonicaContactDirectory } from "@contactkit/adapter-monica"
import { PhonecomCapabilities, PhonecomContactDirectory } from "@contactkit/adapter-phonecom"
import { lossless } from "@contactkit/domain"
import { makeMonica, phonecom } from "@contactkit/mock-servers"
import type { Harness } from "./Harness.ts"
import { memoryHarness } from "./MemoryHarness.ts"
import { mockedHarness } from "./MockedHarness.ts"
import { monicaDescription, phonecomGroup } from "./Unmodelled.ts"

export const vendors: Record<string, Harness> = {
  memory: memoryHarness("memory", lossless, {
    "unsupported-input": "lossless capabilities hold everything the domain can say; nothing is unsupported"
  }),
  phonecom: mockedHarness({
    name: "phonecom",
    module: phonecom,
    spec: "phonecom.yaml",
    basePath: "/v4",
    capabilities: PhonecomCapabilities,
    apiKey: "phonecom-token-a",
    directory: (origin, apiKey) =>
      PhonecomContactDirectory.layerFetch({
        apiUrl: origin,
        apiKey,
        accountId: 1001,
        extensionId: 1,
        rateLimit: false,
        retry: { base: "50 millis", max: "500 millis" }
      }),
    unmodelled: phonecomGroup
  }),
  monica: mockedHarness({
    name: "monica",
    module: makeMonica({ rateLimit: false }),
    spec: "monica.yaml",
    capabilities: MonicaCapabilities,
    apiKey: "monica-token-a",
    directory: (origin, apiKey) =>
      MonicaContactDirectory.layerFetch({
        apiUrl: `${origin}/api`,
        apiKey,
        rateLimit: false,
        retry: { base: "50 millis", max: "500 millis" }
      }),
    unmodelled: monicaDescription
  })
}
