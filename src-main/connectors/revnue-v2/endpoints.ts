// Every Revnue path in one place (docs/architecture.md#revnue-api-v2). DRF style: trailing slashes
// on resources. The lookup paths are not in the seed; they are our convention, shared with the
// sandbox.

export const revnueEndpoints = {
  customers: 'customer/',
  customer: (id: number) => `customer/${id}/`,
  companies: 'company/',
  categories: 'category/',
  countries: 'country/',
  customFieldTemplates: 'custom_field_template/',
} as const;

/** Revnue shares 100 requests per minute across every user of the account. */
export const REVNUE_ACCOUNT_LIMIT_PER_MINUTE = 100;
/** Our default share of it: others on the account (web app, colleagues) need the rest. */
export const REVNUE_DEFAULT_SHARE_PER_MINUTE = 40;
