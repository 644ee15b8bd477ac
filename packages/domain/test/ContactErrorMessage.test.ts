/**
 * A `ContactError` printed (by `runMain`, a log, a CLI) says what happened, not only the reason's tag: the
 * reason's detail follows the vendor, the operation and the tag.
 */
import { assert, describe, it } from "@effect/vitest"
import { Duration } from "effect"
import { ContactError, RateLimited, Unauthorized, UnexpectedResponse, VendorUnavailable } from "../src/index.ts"

const printed = (reason: ConstructorParameters<typeof ContactError>[0]["reason"]) =>
  new ContactError({ vendor: "acme", operation: "list", reason }).message

describe("ContactError messages", () => {
  it("a transport failure carries its detail", () => {
    const reason = new VendorUnavailable({ detail: "GET http://h/x: connection refused", mayHaveSucceeded: false })
    assert.strictEqual(printed(reason), "acme list: VendorUnavailable\nGET http://h/x: connection refused")
  })

  it("a write that may have happened says so", () => {
    const reason = new VendorUnavailable({ status: 503, mayHaveSucceeded: true })
    assert.strictEqual(printed(reason), "acme list: VendorUnavailable\nHTTP 503 (the write may have happened)")
  })

  it("an unexpected answer, a refusal and a wait carry theirs", () => {
    assert.strictEqual(
      printed(new UnexpectedResponse({ status: 404, detail: "the base URL is probably wrong" })),
      "acme list: UnexpectedResponse\nthe base URL is probably wrong"
    )
    assert.strictEqual(printed(new Unauthorized({ detail: "bad token" })), "acme list: Unauthorized\nbad token")
    assert.strictEqual(printed(new Unauthorized({})), "acme list: Unauthorized")
    assert.strictEqual(
      printed(new RateLimited({ retryAfter: Duration.seconds(3) })),
      "acme list: RateLimited\nthe vendor asked to wait 3s"
    )
  })
})
