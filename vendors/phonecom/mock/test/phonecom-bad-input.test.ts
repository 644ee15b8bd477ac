/**
 * The generated bad-request test (`badInputSuite`) over every Phone.com route: 10,000 requests per run, no 5xx, no
 * echoed token, no change in any account's state.
 */
import { badInputSuite } from "@contactkit/mock-platform/testing"
import { phonecom } from "../src/index.ts"
import { contactsA, groupsA, tokenA, tokenB } from "./support.ts"

const contact = {
  first_name: "Ada",
  last_name: "Lovelace",
  company: "Analytical Engines",
  emails: [{ type: "primary", email: "ada@example.com" }],
  phone_numbers: [{ type: "mobile", number: "+44 20 7946 0000" }],
  addresses: [{ type: "home", street: "12 St James's Square", city: "London", country: "UK" }],
  group: { id: 1 }
}

badInputSuite({
  module: phonecom,
  tenants: [
    { headers: { authorization: `Bearer ${tokenA}` }, secret: tokenA },
    { headers: { authorization: `Bearer ${tokenB}` }, secret: tokenB }
  ],
  routes: [
    { method: "GET", path: `${contactsA}?limit=5&sort[id]=desc` },
    { method: "POST", path: contactsA, body: contact },
    { method: "GET", path: `${contactsA}/1` },
    { method: "PUT", path: `${contactsA}/1`, body: contact },
    { method: "DELETE", path: `${contactsA}/1` },
    { method: "GET", path: groupsA },
    { method: "POST", path: groupsA, body: { name: "Friends" } },
    { method: "GET", path: `${groupsA}/1` },
    { method: "PUT", path: `${groupsA}/1`, body: { name: "Kin" } },
    { method: "DELETE", path: `${groupsA}/2` }
  ]
})
