/**
 * The generated bad-request test (`badInputSuite`) over every Monica route: 10,000 requests per run, no 5xx, no
 * echoed token, no change in any account's state. The throttle is off, or most answers would be 429s.
 */
import { badInputSuite } from "@contactkit/mock-platform/testing"
import { makeMonica } from "../src/index.ts"

const tokenA = "monica-token-a"
const tokenB = "monica-token-b"
const flags = { is_birthdate_known: false, is_deceased: false, is_deceased_date_known: false }
const field = { contact_id: 1, contact_field_type_id: 1, data: "jim@example.com", labels: ["work"] }

badInputSuite({
  module: makeMonica({ rateLimit: false }),
  tenants: [
    { headers: { authorization: `Bearer ${tokenA}` }, secret: tokenA },
    { headers: { authorization: `Bearer ${tokenB}` }, secret: tokenB }
  ],
  routes: [
    { method: "GET", path: "/api/contacts?limit=5&sort=-created_at" },
    {
      method: "POST",
      path: "/api/contacts",
      body: { first_name: "Ada", last_name: "Lovelace", ...flags },
      openToOtherTenant: true
    },
    { method: "GET", path: "/api/contacts/1?with=contactfields" },
    { method: "PUT", path: "/api/contacts/1", body: { first_name: "Jim", nickname: "Big Tuna", ...flags } },
    { method: "PUT", path: "/api/contacts/1/work", body: { job: "Salesman", company: "Dunder Mifflin" } },
    { method: "DELETE", path: "/api/contacts/3" },
    { method: "GET", path: "/api/contacts/1/contactfields" },
    { method: "POST", path: "/api/contactfields", body: field },
    { method: "GET", path: "/api/contactfields/1" },
    { method: "PUT", path: "/api/contactfields/1", body: field },
    { method: "DELETE", path: "/api/contactfields/2" },
    { method: "GET", path: "/api/contactfieldtypes" },
    {
      method: "POST",
      path: "/api/contactfieldtypes",
      body: { name: "Signal", protocol: "sgnl:" },
      openToOtherTenant: true
    },
    { method: "GET", path: "/api/contactfieldtypes/1" },
    { method: "PUT", path: "/api/contactfieldtypes/1", body: { name: "E-mail", fontawesome_icon: "fa fa-at" } },
    { method: "DELETE", path: "/api/contactfieldtypes/7" }
  ]
})
