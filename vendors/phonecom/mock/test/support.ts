/** The Phone.com mock's test credentials and the paths of account 1001, extension 1. */
export const tokenA = "phonecom-token-a"
export const tokenB = "phonecom-token-b"
export const contactsA = "/v4/accounts/1001/extensions/1/contacts"
export const groupsA = "/v4/accounts/1001/extensions/1/contact-groups"
