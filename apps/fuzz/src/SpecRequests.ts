/**
 * Requests generated from a vendor's OpenAPI document, as a client that follows the contract would send them: for
 * each operation, path parameters (often the small ids and tenant ids a seeded mock holds, so requests reach real
 * records), query parameters (required ones always, others at random), and a JSON or form body drawn from the
 * request schema by json-schema-faker. They are valid by the document, so whatever the mock answers must be too.
 */
import type { Prng } from "@contactkit/mock-platform/testing"
import { createGeneratorSync, type JsonSchema } from "json-schema-faker"

export interface SpecRequest {
  readonly operation: string
  readonly method: string
  /** Relative to the document's server URL (what Prism is called with). */
  readonly path: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string
}

interface Parameter {
  readonly name: string
  readonly in: string
  readonly required?: boolean
  readonly schema?: JsonSchema & { readonly type?: unknown; readonly enum?: ReadonlyArray<unknown> }
  readonly example?: unknown
}

interface Operation {
  readonly operationId?: string
  readonly parameters?: ReadonlyArray<Parameter>
  readonly requestBody?: { readonly required?: boolean; readonly content?: Record<string, { schema?: JsonSchema }> }
}

/** A dereferenced OpenAPI 3 document: only what the generator reads. */
export interface OpenApiDocument {
  readonly paths: Record<string, Record<string, unknown> & { readonly parameters?: ReadonlyArray<Parameter> }>
}

const methods = ["get", "post", "put", "patch", "delete"] as const

export interface OperationRef {
  readonly name: string
  readonly method: string
  readonly template: string
  readonly operation: Operation
  readonly parameters: ReadonlyArray<Parameter>
}

/** Every operation of the document, with path-level parameters merged in. */
export const operations = (document: OpenApiDocument): ReadonlyArray<OperationRef> =>
  Object.entries(document.paths).flatMap(([template, item]) =>
    methods.flatMap((method) => {
      const operation = item[method] as Operation | undefined
      if (operation === undefined) return []
      const own = operation.parameters ?? []
      const inherited = (item.parameters ?? []).filter((p) => !own.some((o) => o.name === p.name && o.in === p.in))
      return [{
        name: operation.operationId ?? `${method} ${template}`,
        method: method.toUpperCase(),
        template,
        operation,
        parameters: [...inherited, ...own]
      }]
    })
  )

const isIntegerSchema = (schema: Parameter["schema"]) =>
  schema !== undefined && (schema.type === "integer" || (Array.isArray(schema.type) && schema.type.includes("integer")))

/** Ids worth hitting: small ones a seeded mock holds, and the tenant's own (account, extension) from its settings. */
export interface KnownIds {
  readonly seeded: ReadonlyArray<number>
  readonly tenant: ReadonlyArray<number>
}

/** A request following `ref`, with integer path and query parameters mostly drawn from `ids`. */
export const specRequest = (
  ref: OperationRef,
  prng: Prng,
  ids: KnownIds,
  auth: Readonly<Record<string, string>>
): SpecRequest => {
  const generator = createGeneratorSync({ seed: prng.int(1, 2 ** 31), optionalsProbability: 0.5, maxDefaultItems: 3 })
  // A schema json-schema-faker cannot satisfy (contradictory composition) gets an empty value, which Prism judges.
  const faker = {
    generate: (schema: JsonSchema): unknown => {
      try {
        return generator.generate(schema)
      } catch {
        return {}
      }
    }
  }
  const value = (parameter: Parameter): unknown => {
    const schema = parameter.schema ?? { type: "string" }
    const known = [...(parameter.example === undefined ? [] : [parameter.example]), ...(schema.enum ?? [])]
    if (isIntegerSchema(schema) && prng.chance(0.8)) {
      return prng.chance(0.6) && ids.tenant.length > 0 ? prng.pick(ids.tenant) : prng.pick(ids.seeded)
    }
    return known.length > 0 && prng.chance(0.7) ? prng.pick(known) : faker.generate(schema)
  }
  let path = ref.template
  const query = new URLSearchParams()
  const headers: Record<string, string> = { ...auth }
  for (const parameter of ref.parameters) {
    if (parameter.in === "path") {
      path = path.replace(`{${parameter.name}}`, encodeURIComponent(String(value(parameter))))
    } else if (parameter.in === "query" && (parameter.required === true || prng.chance(0.4))) {
      const generated = value(parameter)
      if (generated !== null && typeof generated !== "object") query.set(parameter.name, String(generated))
    } else if (parameter.in === "header" && parameter.required === true && !(parameter.name.toLowerCase() in headers)) {
      headers[parameter.name] = String(value(parameter))
    }
  }
  const search = query.toString()
  const content = ref.operation.requestBody?.content ?? {}
  const json = Object.keys(content).find((type) => type.includes("json"))
  const form = Object.keys(content).find((type) => type === "application/x-www-form-urlencoded")
  const base = { operation: ref.name, method: ref.method, path: search === "" ? path : `${path}?${search}` }
  if (json !== undefined) {
    const schema = content[json]?.schema ?? {}
    const body = withoutRedirecting(faker.generate(schema), schema)
    return { ...base, headers: { ...headers, "content-type": json }, body: JSON.stringify(body) }
  }
  if (form !== undefined) {
    const body = faker.generate(content[form]?.schema ?? {})
    const fields = body !== null && typeof body === "object" ? Object.entries(body) : []
    const encoded = new URLSearchParams(
      fields.filter(([, v]) => v !== null && typeof v !== "object").map(([k, v]): [string, string] => [k, String(v)])
    )
    return { ...base, headers: { ...headers, "content-type": form }, body: encoded.toString() }
  }
  return { ...base, headers }
}

/**
 * A body without the properties its schema lists under `x-contactkit-redirecting-properties`: a request carrying one
 * is answered with a redirect, which Prism's proxy follows and then judges against the original operation, so such
 * a request cannot be checked through Prism (the vendor's mock tests check the redirect itself).
 */
const withoutRedirecting = (body: unknown, schema: JsonSchema): unknown => {
  const redirecting = (schema as { readonly "x-contactkit-redirecting-properties"?: ReadonlyArray<string> })[
    "x-contactkit-redirecting-properties"
  ]
  if (redirecting === undefined || body === null || typeof body !== "object" || Array.isArray(body)) return body
  return Object.fromEntries(Object.entries(body).filter(([key]) => !redirecting.includes(key)))
}
