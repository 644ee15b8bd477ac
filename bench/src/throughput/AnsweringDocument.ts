/**
 * A copy of a vendor's OpenAPI document in which each benchmarked operation's success example is the exact body the
 * mock answered, so that Prism's mock of it sends the same bytes as the mock, the bare and the Effect servers.
 * Without it Prism answers a list page with the document's one-item example (about 1 kB against the mock's 11–94
 * kB), and mock/prism would compare unlike work. Only the examples (and, where an operation documents several 2xx
 * answers, which one Prism picks) change: paths, parameters, request bodies and schemas stay, so Prism validates
 * each request as it would against the vendor's own document. The copy is JSON (Prism reads it as it reads YAML),
 * for the bench to write to a temporary file; the vendor's file is never written.
 */
import $RefParser from "@apidevtools/json-schema-ref-parser"
import type { RecordedAnswer } from "./RecordedAnswer.ts"

type Json = Record<string, any>

/** `/people/{person_id}` matches `/people/12`; a template with more literal segments wins (`/contacts/findOrCreate`). */
const matchingTemplate = (templates: ReadonlyArray<string>, path: string): string | undefined => {
  const segments = path.split("/")
  const literals = (template: string) => template.split("/").filter((s) => !s.startsWith("{")).length
  return templates
    .filter((template) => {
      const parts = template.split("/")
      return parts.length === segments.length &&
        parts.every((part, i) => part.startsWith("{") ? (segments[i] ?? "") !== "" : part === segments[i])
    })
    .sort((a, b) => literals(b) - literals(a))[0]
}

/** The document's own `$ref`s are local (`#/…`): follows one, so a shared response component is copied, not edited. */
const resolved = (document: Json, value: Json): Json =>
  typeof value["$ref"] === "string" && value["$ref"].startsWith("#/")
    ? resolved(document, value["$ref"].slice(2).split("/").reduce((node: Json, key: string) => node[key], document))
    : value

/**
 * Gives `operation` the answer as its only 2xx response (Prism picks the lowest 2xx, and a create may document both
 * 200 and 201), that response's media type the answer's, with the answer's body as its one example. Error responses
 * stay.
 */
const answerWith = (document: Json, operation: Json, answer: RecordedAnswer) => {
  const status = String(answer.status)
  const responses: Json = operation["responses"] ?? {}
  const response = resolved(document, responses[status] ?? { description: "The mock's answer" })
  const mediaType = answer.contentType.split(";")[0]?.trim() ?? "application/json"
  const content: Json = response["content"] ?? {}
  const { examples: _examples, example: _example, ...media } = content[mediaType] ?? {}
  const kept = Object.fromEntries(Object.entries(responses).filter(([code]) => !code.startsWith("2")))
  operation["responses"] = {
    ...kept,
    [status]: { ...response, content: { [mediaType]: { ...media, example: JSON.parse(answer.body) } } }
  }
}

/**
 * The copy of `openapi` answering `answers` (recorded from the mock, paths under its origin; `basePath` is the part
 * of them the document's server URL holds), as JSON text. Fails when an answer's operation is not in
 * the document: Prism would then answer 404 and the row would measure nothing.
 */
export const documentAnswering = async (
  openapi: string,
  basePath: string,
  answers: ReadonlyArray<RecordedAnswer>
): Promise<string> => {
  const document = (await $RefParser.parse(openapi)) as Json
  const paths: Json = document["paths"] ?? {}
  for (const answer of answers) {
    const path = (answer.path.split("?")[0] ?? "").slice(basePath.length)
    const template = matchingTemplate(Object.keys(paths), path)
    const operation: Json | undefined = template === undefined
      ? undefined
      : paths[template][answer.method.toLowerCase()]
    if (operation === undefined) throw new Error(`${openapi} has no operation for ${answer.method} ${path}`)
    if (answer.status >= 200 && answer.status < 300 && answer.body !== "") answerWith(document, operation, answer)
  }
  return JSON.stringify(document)
}
