/**
 * What one vendor can hold and do, declared as data. `validate` and `project` (in
 * `Projection.ts`) read these rules; the conformance suite and the fidelity matrix in
 * `docs/unification.md` are derived from them, so every rule lives here and nowhere else.
 *
 * Two tiers:
 * - **rejected**: the vendor would refuse it or has nowhere to put it — a field kind it cannot
 *   write, a service it does not know, more fields than it allows, a value too long, a phone
 *   it cannot normalise. `validate` fails with `InvalidContact` / `Unsupported`; nothing is sent.
 * - **lost**: the vendor stores the contact but flattens part of it — a label, a context,
 *   `preferred`, a phone feature, a name component it has no column for. `project` returns
 *   what survives and names every loss; create and update succeed.
 */
import type { ContactKind, Name, NameComponent, Organization, OrganizationComponent } from "./Contact.ts"
import type { Issue } from "./ContactError.ts"
import type { ContactField, FieldContext, FieldKind, LinkKind, PhoneFeature, ServiceName } from "./ContactField.ts"

/** How a vendor keeps the `label` of a field. */
export type LabelRule =
  /** No labels at all: a label is lost. */
  | { readonly _tag: "None" }
  /** Any text up to `maxLength`. */
  | { readonly _tag: "Free"; readonly maxLength: number }
  /** Only these labels (compared case-insensitively); any other is lost. */
  | { readonly _tag: "Enum"; readonly values: ReadonlyArray<string> }

/** Keys of a field of kind K other than its tag and the common attributes. */
export type ValueKey<K extends FieldKind> = Exclude<
  keyof Extract<ContactField, { readonly _tag: K }>,
  "_tag" | "id" | "label" | "context" | "preferred"
>

/** A vendor-specific flattening the generic rules cannot say (one `type` per phone number where the domain has several features). */
export type Normalize<K extends FieldKind> = (
  field: Extract<ContactField, { readonly _tag: K }>
) => {
  readonly field: Extract<ContactField, { readonly _tag: K }>
  /** What was lost, relative to the field: `["features"]`, reason. */
  readonly losses: ReadonlyArray<Issue>
  /**
   * Why the vendor would refuse the field altogether, relative to it (a value its server's own syntax check
   * refuses): the field is rejected (`InvalidContact`) and dropped from the projection.
   */
  readonly rejected?: ReadonlyArray<Issue>
}

export interface FieldRule<K extends FieldKind> {
  readonly readable: boolean
  readonly writable: boolean
  /** The most fields of this kind one contact may have; more is rejected (`Unsupported`). */
  readonly maxCount?: number
  /** The fewest fields of this kind a contact may have (a required e-mail); fewer is rejected (`InvalidContact`). */
  readonly minCount?: number
  /** The longest value the vendor accepts for any kept value key; longer is rejected (`InvalidContact`). */
  readonly maxLength?: number
  /** The value keys the vendor keeps (`address` for Email; `street`, `locality`… for Address); others are lost. */
  readonly keeps: ReadonlyArray<ValueKey<K>>
  /** The value keys a field must have to be stored; missing is rejected (`InvalidContact`). */
  readonly requires?: ReadonlyArray<ValueKey<K>>
  /** A field must have at least one of these value keys (as kept) to be stored; none is rejected (`InvalidContact`). */
  readonly requiresOneOf?: ReadonlyArray<ValueKey<K>>
  /** Contexts the vendor keeps; any other context is lost. */
  readonly contexts: ReadonlyArray<FieldContext>
  readonly labels: LabelRule
  /** Whether `preferred: true` survives. */
  readonly preferred: boolean
  /**
   * With `preferred`: the vendor holds exactly one preferred field of this kind whenever it holds any (a primary
   * e-mail). The first field marked preferred keeps it, the others lose it; with none marked, the first is.
   */
  readonly singlePreferred?: boolean
  /** Whether the vendor gives each field an id of its own (native field operations). */
  readonly fieldIds: boolean
  /**
   * Two fields of this kind may not share this: one per context, no duplicate values, or one per vendor type
   * (`typeOf`), for vendors whose one type per field stands for several domain attributes.
   */
  readonly uniqueBy?: "context" | "value" | "type"
  /** With `uniqueBy: "type"`: the vendor's type of a field as it would store it (after `normalize`). */
  readonly typeOf?: (field: Extract<ContactField, { readonly _tag: K }>) => string
  /** Online services: the only services the vendor can hold; others are rejected (`Unsupported`). */
  readonly services?: ReadonlyArray<ServiceName>
  /** Phones: features the vendor keeps; others are lost. */
  readonly features?: ReadonlyArray<PhoneFeature>
  /** Phones: the number must have a valid E.164 form, or it is rejected (`InvalidContact`). */
  readonly requiresE164?: boolean
  /** Links: kinds the vendor keeps; others are lost. */
  readonly linkKinds?: ReadonlyArray<LinkKind>
  /** Applied after the generic rules. */
  readonly normalize?: Normalize<K>
  /** What `normalize` does, in a few words for the fidelity matrix. */
  readonly note?: string
}

export type FieldRules = { readonly [K in FieldKind]: FieldRule<K> }

export interface Capabilities {
  readonly vendor: string
  /** Contact kinds the vendor distinguishes; another kind is stored as the first of these (a loss). */
  readonly kinds: ReadonlyArray<ContactKind>
  /** Name components the vendor keeps; others are lost. */
  readonly name: ReadonlyArray<NameComponent>
  /** Name components that must be present; missing is rejected (`InvalidContact`). */
  readonly requiredName?: ReadonlyArray<NameComponent>
  /** The longest name or organisation component the vendor accepts. */
  readonly nameMaxLength?: number
  /**
   * A vendor's own reading of the name and organisation, applied before the component rules: for a vendor that
   * stores one text and derives the parts itself (one `name`, split by the vendor at its last space).
   * Returns the parts as the vendor would give them back and what was lost on the way (paths from the contact).
   * `requiredName` is checked against what it returns.
   */
  readonly normalizeParts?: (parts: { readonly name: Name; readonly organization: Organization }) => {
    readonly name: Name
    readonly organization: Organization
    readonly losses: ReadonlyArray<Issue>
  }
  /**
   * The vendor trims leading and trailing whitespace from every text it stores (Laravel's
   * `TrimStrings`, as Laravel apps do): the spaces are lost, a text left blank is dropped, and a required
   * value left blank is rejected.
   */
  readonly trimsText?: boolean
  readonly organization: ReadonlyArray<OrganizationComponent>
  readonly fields: FieldRules
  /** When set, the vendor returns fields grouped by kind in this order (typed arrays). */
  readonly fieldOrder?: ReadonlyArray<FieldKind>
  /**
   * With `fieldOrder`: online services come back grouped too, one group per list, in this order (services in no
   * list last); within a group in the order written. For vendors that keep each kind of service apart.
   */
  readonly serviceOrder?: ReadonlyArray<ReadonlyArray<ServiceName>>
  /** How the vendor applies an update: partial patch, or full replace (read-modify-write in the adapter). */
  readonly update: "patch" | "replace"
  /** Whether create may merge into an existing contact instead of creating one (`outcome: "merged"`). */
  readonly dedupeOnCreate: boolean
  /** Whether contacts can be deleted. */
  readonly remove: boolean
  /** Field operations: the vendor's own field endpoints, or read-modify-write of the whole contact. */
  readonly fieldOperations: "native" | "readModifyWrite"
}

/** A rule for a kind the vendor cannot hold at all. */
export const unsupportedField = <K extends FieldKind>(): FieldRule<K> => ({
  readable: false,
  writable: false,
  keeps: [],
  contexts: [],
  labels: { _tag: "None" },
  preferred: false,
  fieldIds: false
})

/** Holds everything the domain can say: the reference the memory implementation uses by default. */
export const lossless: Capabilities = {
  vendor: "memory",
  kinds: ["individual", "organization"],
  name: [
    "prefix",
    "given",
    "middle",
    "family",
    "suffix",
    "nickname",
    "full",
    "phoneticGiven",
    "phoneticMiddle",
    "phoneticFamily"
  ],
  organization: ["name", "department", "title", "role"],
  fields: {
    Email: {
      readable: true,
      writable: true,
      keeps: ["address"],
      requires: ["address"],
      contexts: ["home", "work", "other"],
      labels: { _tag: "Free", maxLength: 255 },
      preferred: true,
      fieldIds: true
    },
    Phone: {
      readable: true,
      writable: true,
      keeps: ["number", "e164", "features"],
      requires: ["number"],
      contexts: ["home", "work", "other"],
      labels: { _tag: "Free", maxLength: 255 },
      preferred: true,
      fieldIds: true,
      features: ["voice", "mobile", "fax", "pager", "text"]
    },
    Address: {
      readable: true,
      writable: true,
      keeps: ["street", "locality", "region", "postcode", "country", "countryCode"],
      contexts: ["home", "work", "other"],
      labels: { _tag: "Free", maxLength: 255 },
      preferred: true,
      fieldIds: true
    },
    OnlineService: {
      readable: true,
      writable: true,
      keeps: ["service", "user", "uri"],
      requires: ["service"],
      contexts: ["home", "work", "other"],
      labels: { _tag: "Free", maxLength: 255 },
      preferred: true,
      fieldIds: true
    },
    Link: {
      readable: true,
      writable: true,
      keeps: ["uri", "kind"],
      requires: ["uri"],
      contexts: ["home", "work", "other"],
      labels: { _tag: "Free", maxLength: 255 },
      preferred: true,
      fieldIds: true,
      linkKinds: ["website", "blog", "profile", "other"]
    }
  },
  update: "patch",
  dedupeOnCreate: false,
  remove: true,
  fieldOperations: "native"
}
