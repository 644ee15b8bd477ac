/** The Deskpro mock's test keys, the people path, the KB's Joanne Bloggs request, and a key-sending `call`. */
import { call as platformCall, type CallOptions } from "@contactkit/mock-platform/testing"

export const keyA = "key 1:deskpro-key-a"
export const keyB = "key 2:deskpro-key-b"
export const people = "/api/v2/people"

/** `call` with `Authorization: key …` (the platform's `token` option sends a Bearer token). */
export const call = (method: string, path: string, key?: string, options: Omit<CallOptions, "token"> = {}) =>
  platformCall(method, path, {
    ...options,
    headers: { ...options.headers, ...(key === undefined ? {} : { authorization: key }) }
  })

/** The example request of Deskpro's KB article "Setting User Contact Data", every contact-data type populated. */
export const joanne = {
  first_name: "Joanne",
  last_name: "Bloggs",
  title_prefix: "Ms",
  primary_email: "joanne.bloggs3@example.com",
  is_agent: true,
  contact_data: {
    address: [{ address: "10 Testing Street", city: "Beverly Hills", state: "California", zip: "90210" }],
    website: [{ url: "https://example.com/" }],
    instant_message: [{ service: "whatsapp", username: "+1 77034 555 555" }],
    twitter: [{ username: "@JoanneBloggsTestDeskpro", display_feed: false }],
    linked_in: [{ url: "https://linkedin.com/JoanneBloggsTestDeskpro" }],
    facebook: [{ url: "https://facebook.com/JoanneBloggsTestDeskpro" }],
    apple: [{ username: "JoanneBloggsTestDeskpro" }],
    trust_pilot: [{ username: "JoanneBloggsTestDeskpro" }],
    instagram: [{ username: "JoanneBloggsTestDeskpro", instagram_id: "abc123" }]
  }
}
