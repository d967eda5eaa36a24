// The names of R2's IPC operations, without schemas (the preload bundles no zod); contract.ts
// beside this gives each its input and output.
export const r2Channels = [
  'auth.offeredScopes',
  'r2.customers.list',
  'r2.customers.get',
  'r2.customers.create',
  'r2.customers.update',
  'r2.customers.patch',
  'r2.customers.findByNaturalKey',
] as const;
