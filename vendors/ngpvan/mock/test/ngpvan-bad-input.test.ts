/**
 * The generated bad-request test (`badInputSuite`) over every NGP VAN route: 10,000 requests per run, no 5xx, no
 * echoed API key, no change in either tenant's state. Each tenant is presented both ways NGP takes its key: the
 * `apiKey` header and Basic `apiuser:<key>`. NGP reads JSON only.
 */
import { badInputSuite, type BadInputTenant } from "@contactkit/mock-platform/testing"
import { ngpvan } from "../src/index.ts"
import { basic, contacts, keyA, keyB, lefty } from "./support.ts"

// Tenant A's Rosa Parks and Bayard Rustin, as the seed numbers them.
const rosa = `${contacts}/VNM8XG2B217`
const bayard = `${contacts}/VN8HUW4M42E`

const tenant = (key: string): BadInputTenant => ({
  headers: { apikey: key },
  secret: key,
  otherAuth: [(secret) => ({ headers: { authorization: basic("apiuser", secret) } })]
})

badInputSuite({
  module: ngpvan,
  tenants: [tenant(keyA), tenant(keyB)],
  routes: [
    { method: "GET", path: `${contacts}?$top=5&$skip=1` },
    { method: "POST", path: contacts, body: lefty, openToOtherTenant: true },
    {
      method: "POST",
      path: `${contacts}/findOrCreate`,
      body: {
        type: "INDIVIDUAL",
        firstName: "Ella",
        lastName: "Baker",
        emails: [{ address: "ella.baker@example.org", type: "MAIN" }],
        phones: [{ number: "2025550199", type: "WORK" }]
      },
      openToOtherTenant: true
    },
    { method: "GET", path: rosa },
    {
      method: "POST",
      path: bayard,
      body: {
        middleName: "Taylor",
        occupation: "Organizer",
        emails: [{ address: "bayard@example.org", type: "WORK", doNotEmail: false }],
        addresses: [{
          line1: "170 W 130th St",
          city: "New York",
          stateProvince: "NY",
          postalCode: "10027",
          type: "HOME"
        }]
      }
    }
  ]
})
