/**
 * @contactkit/domain — the vendor-neutral model of contacts and contact fields, the
 * `ContactDirectory` port, its one error, per-vendor Capabilities, and the JSContact codec.
 */
export * from "./Capabilities.ts"
export * from "./Contact.ts"
export * from "./ContactDirectory.ts"
export * from "./ContactError.ts"
export * from "./ContactField.ts"
export * from "./ContactId.ts"
export * from "./Decode.ts"
export * from "./IsContactField.ts"
export * from "./JSContact.ts"
export * from "./MemoryDirectory.ts"
export * from "./Patch.ts"
export * from "./PhoneNumber.ts"
export * from "./Projection.ts"
export * from "./ValidateChange.ts"
