/** @contactkit/mock-phonecom: the Phone.com v4 mock vendor module, served by `@contactkit/mock-platform`. */
export { phonecom } from "./Phonecom.ts"
