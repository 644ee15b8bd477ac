/**
 * Cards as other producers write them: RFC 6350's own example (§8), a vCard 3 card in the shape Apple Contacts
 * exports (itemN.X-ABLabel groups, `_$!<HomePage>!$_`, X-ABADR, X-SOCIALPROFILE, IMPP with X-SERVICE-TYPE, escaped
 * `\:` in URLs) and a two-card vCard 3 file in the shape Google Contacts exports. Expected values are written out
 * by hand from the cards.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { readFileSync } from "node:fs"
import { makeVCardSplitter, readVCard } from "../src/index.ts"

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), "utf8")

const cardsOf = (text: string): ReadonlyArray<string> => {
  const splitter = makeVCardSplitter()
  return text.split(/\r?\n/u).flatMap((line) => splitter.push(line) ?? [])
}

describe("vCards from other producers", () => {
  it.effect("RFC 6350's example: name lists, a deprecated extended address, tel: URIs, what is not modelled", () =>
    Effect.gen(function*() {
      const [card] = cardsOf(fixture("rfc6350-author.vcf"))
      const read = yield* readVCard(card!)
      assert.deepStrictEqual(read.draft.name, {
        given: "Simon",
        family: "Perreault",
        suffix: "ing. jr, M.Sc.",
        full: "Simon Perreault"
      })
      assert.deepStrictEqual(read.draft.organization, { name: "Viagenie" })
      assert.deepStrictEqual(read.draft.fields, [
        {
          _tag: "Address",
          context: "work",
          street: "Suite D2-630, 2875 Laurier",
          locality: "Quebec",
          region: "QC",
          postcode: "G1V 2M2",
          country: "Canada"
        },
        {
          _tag: "Phone",
          context: "work",
          preferred: true,
          number: "+1-418-656-9254;ext=102",
          features: ["voice"],
          e164: "+14186569254"
        },
        {
          _tag: "Phone",
          context: "work",
          number: "+1-418-262-6501",
          features: ["mobile", "voice", "text"],
          e164: "+14182626501"
        },
        { _tag: "Email", context: "work", address: "simon.perreault@viagenie.ca" },
        { _tag: "Link", context: "home", uri: "http://nomis80.org" }
      ])
      assert.sameMembers([...read.ignored], ["BDAY", "ANNIVERSARY", "GENDER", "LANG", "GEO", "KEY", "TZ"])
      assert.isUndefined(read.uid)
    }))

  it.effect("Apple Contacts (vCard 3): labels, built-in labels, phonetic names, social profiles", () =>
    Effect.gen(function*() {
      const read = yield* readVCard(fixture("apple-contacts-v3.vcf"))
      assert.deepStrictEqual(read.draft.name, {
        prefix: "Dr.",
        given: "Chidi",
        middle: "Anele",
        family: "Okafor",
        nickname: "Chid",
        full: "Dr. Chidi Anele Okafor",
        phoneticGiven: "CHEE-dee",
        phoneticFamily: "oh-KAH-for"
      })
      assert.deepStrictEqual(read.draft.organization, {
        name: "Northwind Ethics",
        department: "Philosophy",
        title: "Lecturer"
      })
      assert.deepStrictEqual(read.draft.fields, [
        { _tag: "Email", context: "home", preferred: true, address: "chidi@example.org" },
        { _tag: "Email", label: "Faculty", address: "c.okafor@example.edu" },
        {
          _tag: "Phone",
          preferred: true,
          number: "(202) 555-0143",
          features: ["mobile", "voice"],
          e164: "+12025550143"
        },
        { _tag: "Phone", context: "work", number: "+1 202 555 0199", features: ["fax"], e164: "+12025550199" },
        {
          _tag: "Address",
          context: "home",
          preferred: true,
          street: "221 Elm Street",
          locality: "Springfield",
          region: "IL",
          postcode: "62704",
          country: "United States",
          countryCode: "US"
        },
        { _tag: "Link", preferred: true, uri: "https://chidi.example.org", kind: "website" },
        {
          _tag: "OnlineService",
          service: "twitter",
          user: "chidiokafor",
          uri: "https://twitter.com/chidiokafor"
        },
        { _tag: "OnlineService", context: "home", preferred: true, service: "skype", uri: "skype:chidi.okafor" }
      ])
      assert.sameMembers([...read.ignored], ["X-ABRELATEDNAMES", "BDAY", "X-ABUID"])
    }))

  it.effect("Google Contacts (vCard 3): two cards in one file, a custom label, notes and groups not modelled", () =>
    Effect.gen(function*() {
      const cards = cardsOf(fixture("google-contacts-v3.vcf"))
      assert.strictEqual(cards.length, 2)
      const first = yield* readVCard(cards[0]!)
      assert.deepStrictEqual(first.draft.organization, { name: "Lindqvist Design AB", title: "Founder" })
      assert.deepStrictEqual(first.draft.fields, [
        { _tag: "Email", context: "work", address: "mara@lindqvist-design.example" },
        { _tag: "Email", address: "mara.l@example.com" },
        { _tag: "Phone", number: "+46 70 123 45 67", features: ["mobile"], e164: "+46701234567" },
        {
          _tag: "Address",
          context: "work",
          street: "Sveavägen 44",
          locality: "Stockholm",
          postcode: "111 34",
          country: "Sweden"
        },
        { _tag: "Link", label: "Studio", uri: "https://lindqvist-design.example" }
      ])
      assert.sameMembers([...first.ignored], ["NOTE", "CATEGORIES"])
      const second = yield* readVCard(cards[1]!)
      assert.deepStrictEqual(second.draft.name, { given: "Kenji", family: "Watanabe", full: "Kenji Watanabe" })
      assert.deepStrictEqual(second.draft.fields, [
        { _tag: "Phone", context: "home", number: "+81 3-1234-5678", e164: "+81312345678" }
      ])
    }))

  it.effect("a card that breaks a domain rule fails with the path and the rule", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(
        readVCard("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:X\r\nEMAIL:not-an-address\r\nEND:VCARD\r\n")
      )
      assert.deepStrictEqual(error.issues, [{ path: ["fields", 0, "address"], message: "must be an e-mail address" }])
    }))
})
