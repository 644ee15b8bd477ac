/**
 * Online services as vCard writes them: the RFC 9554 `SERVICE-TYPE` parameter names the service (Apple's
 * `X-SERVICE-TYPE` and `X-SOCIALPROFILE;TYPE=` forms are read too), messaging services go in `IMPP` and the rest
 * in `SOCIALPROFILE`, and a URI's scheme names the service when nothing else does (`skype:`, `aim:`, `ymsgr:`…).
 */
import type { ServiceName } from "@contactkit/domain"

/** How each canonical service is written in `SERVICE-TYPE`. */
export const serviceTypeOf: Record<ServiceName, string> = {
  whatsapp: "WhatsApp",
  skype: "Skype",
  aim: "AIM",
  msn: "MSN",
  icq: "ICQ",
  gtalk: "GoogleTalk",
  yim: "Yahoo",
  twitter: "Twitter",
  instagram: "Instagram",
  apple: "Apple",
  trustpilot: "Trustpilot",
  telegram: "Telegram",
  facebook: "Facebook",
  linkedin: "LinkedIn",
  other: "Other"
}

/** Services people message on: written as `IMPP` when there is a URI. */
export const messaging: ReadonlySet<ServiceName> = new Set([
  "whatsapp",
  "skype",
  "aim",
  "msn",
  "icq",
  "gtalk",
  "yim",
  "telegram",
  "apple"
])

/** Other spellings seen in address-book exports, lower-cased. */
const aliases: Record<string, ServiceName> = {
  "google talk": "gtalk",
  googletalk: "gtalk",
  "yahoo messenger": "yim",
  yahoo: "yim",
  ymsgr: "yim",
  msnim: "msn",
  "windows live": "msn",
  x: "twitter",
  imessage: "apple",
  facetime: "apple",
  "game center": "apple"
}

const byName = new Map<string, ServiceName>(
  Object.entries(serviceTypeOf).map(([service, type]) => [type.toLowerCase(), service as ServiceName])
)

/** The canonical service for a `SERVICE-TYPE` value or a URI scheme; undefined when unknown. */
export const serviceNamed = (text: string): ServiceName | undefined => {
  const key = text.trim().toLowerCase()
  return byName.get(key) ?? aliases[key]
}
