/**
 * The generated bad-request test (`badInputSuite`) over every Deskpro Legacy route: 10,000 requests per run, no 5xx,
 * no echoed key, no change in either helpdesk's state. Each helpdesk is presented every way `RequestAuth` reads a
 * key (the `X-DeskPRO-API-Key` header, the `API-KEY` parameter in the query or a form body, Basic `id:code`), and
 * bodies go as JSON and as forms, both of which the server reads.
 *
 * The server's `str` cleaner reads a non-scalar as "" instead of refusing it, so every write below sends one field,
 * or only fields that are each required: breaking any one of them leaves nothing the route would store. A search
 * stores its result set (`cache_id`), so it is open to the other helpdesk (whose own search would be a change) and
 * carries no query for the generator to mutate into another valid search.
 */
import { badInputSuite, type BadInputTenant } from "@contactkit/mock-platform/testing"
import { deskproLegacy } from "../src/index.ts"
import { keyA, keyB } from "./support.ts"

const tenant = (key: string): BadInputTenant => ({
  headers: { "x-deskpro-api-key": key },
  secret: key,
  otherAuth: [
    (secret) => ({ query: { "API-KEY": secret } }),
    (secret) => ({ form: { "API-KEY": secret } }),
    (secret) => ({ headers: { authorization: `Basic ${Buffer.from(secret).toString("base64")}` } })
  ]
})

badInputSuite({
  module: deskproLegacy,
  tenants: [tenant(keyA), tenant(keyB)],
  formBodies: true,
  // Everything but a form: the server reads no parameters from these bodies.
  foreignContentTypes: [
    "text/plain",
    "multipart/form-data; boundary=x",
    "application/xml",
    "application/octet-stream",
    undefined
  ],
  routes: [
    { method: "GET", path: "/api/people", openToOtherTenant: true },
    {
      method: "POST",
      path: "/api/people",
      body: { name: "Mary Somerville", email: "mary@somerville.example" },
      openToOtherTenant: true
    },
    { method: "GET", path: "/api/people/1" },
    { method: "POST", path: "/api/people/1", body: { name: "Augusta Ada King" } },
    { method: "DELETE", path: "/api/people/3" },
    { method: "GET", path: "/api/people/1/emails" },
    { method: "POST", path: "/api/people/1/emails", body: { email: "ada@home.example" } },
    { method: "GET", path: "/api/people/2/emails/2" },
    // Ada's only address has no comment: a comment the cleaner reads as "" leaves it as it is.
    { method: "POST", path: "/api/people/1/emails/1", body: { comment: "" } },
    { method: "DELETE", path: "/api/people/2/emails/3" },
    { method: "GET", path: "/api/people/1/contact-details" },
    {
      method: "POST",
      path: "/api/people/1/contact-details",
      body: { type: "skype", data: { username: "ada.lovelace" } }
    },
    { method: "GET", path: "/api/people/1/contact-details/1" },
    { method: "DELETE", path: "/api/people/1/contact-details/2" }
  ]
})
