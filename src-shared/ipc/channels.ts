// The names of every renderer→main operation, as a plain list without schemas. The preload and
// the e2e harness build `window.fieldbook` from this list, so they never bundle zod.
// contract.ts gives each name its input and output schema; a type check keeps the two in step.

export const channels = [
  'connections.list',
  'connections.create',
  'connections.rename',
  'connections.select',
  'connections.delete',

  'auth.status',
  'auth.signIn',
  'auth.cancelSignIn',
  'auth.signInService',
  'auth.setToken',
  'auth.checkRevnueToken',
  'auth.offeredScopes',
  'auth.signOut',

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

  'r2.customers.list',
  'r2.customers.get',
  'r2.customers.create',
  'r2.customers.update',
  'r2.customers.patch',
  'r2.customers.findByNaturalKey',

  'secrets.status',
  'secrets.acceptWeakStorage',
  'secrets.withdrawWeakStorage',

  'sandbox.tryIt',

  'links.open',

  'desktop.start',
  'desktop.print',
  'desktop.savePdf',
  'desktop.quitAnswer',

  'export.begin',
  'export.write',
  'export.finish',
  'export.cancel',

  'journal.read',
  'journal.append',
  'journal.rewrite',
] as const;

export type Channel = (typeof channels)[number];

const channelSet: ReadonlySet<string> = new Set(channels);

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && channelSet.has(name);
}
