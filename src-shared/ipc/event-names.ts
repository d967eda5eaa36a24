// The names of every main→renderer event, as a plain list without schemas (like channels.ts), so
// the preload and the e2e harness can subscribe to exactly these names without bundling zod.
// events.ts gives each name its payload schema; a type check keeps the two in step.

export const eventNames = [
  'auth.changed',
  'connections.changed',
  'menu.command',
  'locale.changed',
  'customer.linkOpened',
  'quit.requested',
] as const;

export type EventName = (typeof eventNames)[number];

const eventNameSet: ReadonlySet<string> = new Set(eventNames);

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && eventNameSet.has(name);
}
