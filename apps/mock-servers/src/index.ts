/**
 * @contactkit/mock-servers: stateful in-memory vendor servers, embeddable in tests as layers.
 *
 * ```ts
 * layer(MockServers.layer(phonecom, { port: 0 }))("…", (it) => …)   // then `yield* MockServer` for its url
 * ```
 */
export { makeMonica, monica } from "./monica/index.ts"
export { phonecom } from "./phonecom/Phonecom.ts"
export { layer, MockServer } from "./platform/MockServer.ts"
export type { LayerOptions } from "./platform/MockServer.ts"
export type { PlatformFailure } from "./platform/PlatformFailure.ts"
export type { Credential, VendorModule } from "./platform/VendorModule.ts"
export { vendors } from "./vendors.ts"
