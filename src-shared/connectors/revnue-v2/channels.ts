// The names of Revnue's IPC operations, without schemas (the preload bundles no zod); contract.ts
// beside this gives each its input and output.
export const revnueChannels = [
  'auth.checkRevnueToken',
  'revnue.customers.list',
  'revnue.customers.listOpen',
  'revnue.customers.listNext',
  'revnue.customers.listClose',
  'revnue.customers.get',
  'revnue.customers.create',
  'revnue.customers.update',
  'revnue.customers.findByName',
  'revnue.lookups.companies',
  'revnue.lookups.categories',
  'revnue.lookups.countries',
  'revnue.lookups.customFieldTemplates',
] as const;
