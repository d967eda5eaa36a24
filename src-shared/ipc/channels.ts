// The names of every renderer→main operation, as a plain list without schemas. The preload and
// the e2e harness build `window.fieldbook` from this list, so they never bundle zod.
// contract.ts gives each name its input and output schema; a type check keeps the two in step.

import { connectorChannels } from '../connectors/channel-registry';

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
  'auth.signOut',

  ...connectorChannels,

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
