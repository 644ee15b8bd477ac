/**
 * A tour of the domain in one run (`node src/demo.ts`, or `pnpm --filter @contactkit/domain demo`):
 * decode contacts from plain JSON, see how a bad one is reported, ask two vendors' Capabilities
 * what each would keep and lose, store a contact in the memory directory and export it as a
 * JSContact card. No vendor and no network are involved.
 */
import { Console, Effect } from "effect"
import { type Capabilities, lossless, unsupportedField } from "./Capabilities.ts"
import type { ContactDraft } from "./Contact.ts"
import { formatIssue, type Issue } from "./ContactError.ts"
import { decodeContactDraft } from "./Decode.ts"
import { toCard } from "./JSContact.ts"
import { makeMemory } from "./MemoryDirectory.ts"
import { project, validate } from "./Projection.ts"

/** What a caller might send: plain JSON, not yet checked. */
const inputs: ReadonlyArray<unknown> = [
  {
    kind: "individual",
    name: { prefix: "Dr.", given: "Ada", family: "Lovelace", nickname: "Countess" },
    organization: { name: "Analytical Engines Ltd", department: "Research", title: "Mathematician" },
    fields: [
      { _tag: "Email", address: "ada@example.com", context: "home", preferred: true, label: "Personal" },
      { _tag: "Email", address: "ada.lovelace@engines.example", context: "work" },
      { _tag: "Email", address: "countess@example.org", context: "other" },
      { _tag: "Phone", number: "(202) 555-0123", features: ["mobile", "text"], context: "work" },
      { _tag: "Address", street: "12 St James's Square", locality: "London", postcode: "SW1Y 4JH", countryCode: "GB" },
      { _tag: "OnlineService", service: "twitter", user: "@ada" },
      { _tag: "Link", uri: "https://ada.example.com", kind: "blog", label: "Notes on the Engine" }
    ]
  },
  {
    kind: "organization",
    name: { full: "Hopper & Co." },
    organization: { name: "Hopper & Co." },
    fields: [{ _tag: "Phone", number: "+44 20 7123 4567", features: ["voice"] }]
  }
]

/** Two mistakes at once: both are reported, each at its path. */
const invalidInput: unknown = {
  kind: "individual",
  name: { given: "Grace" },
  organization: {},
  fields: [{ _tag: "Email", address: "grace-at-navy" }, { _tag: "Link", uri: "navy.example" }]
}

/**
 * A restrictive vendor, defined here for the demo only (real ones live
^ * with their adapters): at most 2 emails, no labels, no online services, fewer phone features.
 */
const restrictiveVendor: Capabilities = {
  ...lossless,
  vendor: "restrictive-example",
  kinds: ["individual"],
  name: ["prefix", "given", "middle", "family", "suffix", "nickname"],
  organization: ["name", "department", "title"],
  fields: {
    Email: { ...lossless.fields.Email, maxCount: 2, labels: { _tag: "None" }, preferred: false, fieldIds: false },
    Phone: {
      ...lossless.fields.Phone,
      labels: { _tag: "None" },
      preferred: false,
      fieldIds: false,
      features: ["voice", "mobile", "fax"]
    },
    Address: { ...lossless.fields.Address, labels: { _tag: "None" }, preferred: false, fieldIds: false },
    OnlineService: unsupportedField(),
    Link: unsupportedField()
  },
  update: "replace",
  fieldOperations: "readModifyWrite"
}

const lines = (issues: ReadonlyArray<Issue>): string =>
  issues.length === 0 ? "  (nothing)" : issues.map((issue) => `  ${formatIssue(issue)}`).join("\n")

const showProjection = (capabilities: Capabilities, draft: ContactDraft) =>
  Effect.gen(function*() {
    const projection = project(capabilities, draft)
    yield* Console.log(
      `\n${capabilities.vendor}: keeps ${projection.contact.fields.length} of ${draft.fields.length} fields; loses:`
    )
    yield* Console.log(lines(projection.losses))
    const verdict = yield* validate(capabilities, draft).pipe(
      Effect.match({
        onSuccess: () => "  accepts the contact as it is",
        onFailure: (error) => `  refuses it before any call (${error._tag}):\n${lines(error.issues)}`
      })
    )
    yield* Console.log(verdict)
  })

const program = Effect.gen(function*() {
  yield* Console.log("== Decoding contacts from JSON")
  const drafts: Array<ContactDraft> = []
  for (const input of inputs) {
    const draft = yield* decodeContactDraft(input)
    drafts.push(draft)
    const phones = draft.fields.flatMap((f) => f._tag === "Phone" ? [`${f.number} → ${f.e164 ?? "no E.164"}`] : [])
    yield* Console.log(
      `  ${draft.name.full ?? `${draft.name.given} ${draft.name.family}`}: ${draft.fields.length} field(s); ${
        phones.join(", ")
      }`
    )
  }

  yield* Console.log("\n== A contact that breaks the rules")
  const report = yield* decodeContactDraft(invalidInput).pipe(
    Effect.match({
      onSuccess: () => "accepted (it should not have been)",
      onFailure: (e) => `${e._tag}:\n${e.message}`
    })
  )
  yield* Console.log(report)

  const [ada] = drafts
  if (ada === undefined) return
  yield* Console.log("\n== What two vendors would keep of Ada Lovelace")
  yield* showProjection(lossless, ada)
  yield* showProjection(restrictiveVendor, ada)

  yield* Console.log("\n== Ada Lovelace, stored in the memory directory, as a JSContact card (RFC 9553)")
  const directory = yield* makeMemory(lossless)
  const { contact } = yield* directory.create(ada)
  yield* Console.log(JSON.stringify(toCard(contact), null, 2))
}).pipe(
  Effect.catch((error) => Console.error(`The demo failed: ${error.message}`))
)

Effect.runFork(program)
