/**
 * A fixed, generated set of contacts for the domain benchmarks: the same contacts on every machine and every run,
 * shaped like real address-book entries — names, an organisation, one to three emails, one or two phones (E.164
 * derived), and now and then an address, an online service and a link, with labels, contexts and preference.
 * Some exceed what a vendor with two emails and no online services can hold, so `validate` meets both outcomes.
 */
import { type Contact, type ContactField, ContactId, makePhone } from "@contactkit/domain"

// mulberry32: a tiny seeded PRNG, so the set never changes.
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const givenNames = ["Ada", "Grace", "Alan", "Katherine", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Radia"]
const familyNames = ["Lovelace", "Hopper", "Turing", "Johnson", "Torvalds", "Hamilton", "Ritchie", "Liskov"]
const companies = ["Acme Corp", "Globex", "Initech", "Umbrella", "Stark Industries"]
const contexts = ["home", "work", "other"] as const
const services = ["twitter", "skype", "linkedin", "telegram"] as const

export const sampleContacts = (count: number): ReadonlyArray<Contact> => {
  const random = prng(9553)
  const pick = <A>(items: ReadonlyArray<A>): A => items[Math.floor(random() * items.length)] as A
  return Array.from({ length: count }, (_, i): Contact => {
    const given = pick(givenNames)
    const family = pick(familyNames)
    const emails = 1 + Math.floor(random() * 3)
    const phones = 1 + Math.floor(random() * 2)
    const fields: Array<ContactField> = []
    for (let e = 0; e < emails; e++) {
      fields.push({
        _tag: "Email",
        address: `${given}.${family}.${i}.${e}@example.com`.toLowerCase(),
        context: pick(contexts),
        ...(e === 0 ? { preferred: true } : {})
      })
    }
    for (let p = 0; p < phones; p++) {
      const number = `(${200 + Math.floor(random() * 700)}) 555-${String(1000 + ((i + p) % 9000)).padStart(4, "0")}`
      fields.push(makePhone(number, { features: p === 0 ? ["mobile", "text"] : ["voice"], context: pick(contexts) }))
    }
    if (random() < 0.5) {
      fields.push({
        _tag: "Address",
        street: `${i} Main Street`,
        locality: "Springfield",
        region: "IL",
        postcode: "62701",
        countryCode: "US",
        context: "work"
      })
    }
    if (random() < 0.3) fields.push({ _tag: "OnlineService", service: pick(services), user: `@${given}${i}` })
    if (random() < 0.3) fields.push({ _tag: "Link", uri: `https://${given}${i}.example.com`, kind: "website" })
    return {
      id: ContactId.make(String(i + 1)),
      kind: "individual",
      name: { given, family, ...(random() < 0.2 ? { nickname: given.slice(0, 3) } : {}) },
      organization: { name: pick(companies), title: "Engineer" },
      fields,
      createdAt: "2024-01-02T03:04:05Z",
      updatedAt: "2024-06-07T08:09:10Z"
    }
  })
}
