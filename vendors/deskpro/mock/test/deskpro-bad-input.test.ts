/**
 * The generated bad-request test (`badInputSuite`) over every Deskpro v2 route: 10,000 requests per run, no 5xx, no
 * echoed API key, no change in either helpdesk's state. Deskpro reads JSON only, so every other content type is
 * foreign to it.
 */
import { badInputSuite } from "@contactkit/mock-platform/testing"
import { deskpro } from "../src/index.ts"
import { joanne, keyA, keyB, people } from "./support.ts"

const secretOf = (key: string) => key.replace(/^key /u, "")

badInputSuite({
  module: deskpro,
  tenants: [
    { headers: { authorization: keyA }, secret: secretOf(keyA) },
    { headers: { authorization: keyB }, secret: secretOf(keyB) }
  ],
  routes: [
    { method: "GET", path: `${people}?count=5&page=1&include=organization` },
    { method: "POST", path: people, body: joanne, openToOtherTenant: true },
    { method: "GET", path: `${people}/1?include=organization` },
    {
      method: "PUT",
      path: `${people}/1`,
      body: {
        first_name: "Jonathan",
        emails: ["jonathan.doe@helpdesk-a.example"],
        phone_numbers: [{ number: "+44 20 7946 0019", label: "Mobile" }],
        contact_data: { website: [{ url: "https://jonathan.example/", comment: "Home" }] }
      }
    },
    // Deskpro's old update verb, answered 405 whatever it carries.
    { method: "POST", path: `${people}/2`, body: { first_name: "Fiona" } },
    { method: "DELETE", path: `${people}/3` },
    { method: "GET", path: `${people}/1/contact_data?count=2` },
    { method: "GET", path: `${people}/1/contact_data/1` }
  ]
})
