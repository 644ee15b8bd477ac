/**
 * The domain's in-memory implementation as a harness: the reference the suite is proven on.
 * It has no transport, so the scenarios that need one are skipped, each with that reason.
 */
import { type Capabilities, layerMemory } from "@contactkit/domain"
import { Layer } from "effect"
import { type Harness, HarnessControl } from "./Harness.ts"

const noTransport = "the in-memory implementation has no transport"

export const memoryHarness = (name: string, capabilities: Capabilities, skip: Harness["skip"] = {}): Harness => ({
  name,
  capabilities,
  layer: Layer.merge(layerMemory(capabilities), HarnessControl.none),
  skip: {
    ...skip,
    "unauthorized": `${noTransport} and no credentials`,
    "rate-limited": `${noTransport}: nothing can answer 429`,
    "unavailable": `${noTransport}: nothing can answer 5xx`,
    "timed-out-write": `${noTransport}: nothing is slow and no client gives up`,
    "contract": `${noTransport}: no OpenAPI document to check against`
  }
})
