// The events main announces to the renderer (docs/ipc.md#events-from-main-to-the-window), each with
// the zod schema of its payload. Main parses every payload with it before it leaves, so only what
// is named here crosses.
import { z } from 'zod';
import { connectionViewSchema } from '../connection';
import { authStatusSchema, customerLinkTargetSchema, quitRequestId } from './contract';
import type { EventName } from './event-names';

/**
 * A connection's sign-in state changed: a sign-in finished, failed or was cancelled, a token was
 * set, the user signed out, or a refresh was refused (→ `signed_out`, and the sync pauses).
 */
export const authChangedSchema = authStatusSchema.extend({
  connectionId: z.string().min(1),
  /** Why, when the person should know (e.g. "Sign in again … your unsynced changes are kept"). */
  message: z.string().optional(),
});

/** The whole list after a connection was created, renamed, selected, deleted or moved. */
export const connectionsChangedSchema = z.object({ connections: z.array(connectionViewSchema) });

/**
 * What the application menu asks the window to do. Menu items that need nothing of the window
 * (zoom, quit, show logs) stay in main; `export` exists for when the window can export.
 */
export const menuCommands = [
  'customer.new',
  'sync.now',
  'export',
  'print',
  'go.customers',
  'go.changes',
  'go.settings',
] as const;
export type MenuCommand = (typeof menuCommands)[number];
export const menuCommandSchema = z.object({ command: z.enum(menuCommands) });

/** The OS regional format (a BCP 47 tag such as `de-DE`), when the user changed it. */
export const localeChangedSchema = z.object({ locale: z.string().min(2).max(64) });

/**
 * A `fieldbook://customer/…` link was opened and main found its connection on this computer:
 * the window switches to that connection and opens the customer.
 */
export const customerLinkOpenedSchema = customerLinkTargetSchema;

/**
 * Main is about to quit (the window's close button, Quit in the menu or its shortcut, or Windows
 * ending the session) and asks the window whether changes wait; the window answers with
 * `desktop.quitAnswer` (docs/desktop.md#quitting).
 */
export const quitRequestedSchema = z.object({
  requestId: quitRequestId,
  reason: z.enum(['close', 'quit', 'session-end']),
});
export type QuitReason = z.infer<typeof quitRequestedSchema>['reason'];

export const events = {
  'auth.changed': authChangedSchema,
  'connections.changed': connectionsChangedSchema,
  'menu.command': menuCommandSchema,
  'locale.changed': localeChangedSchema,
  'customer.linkOpened': customerLinkOpenedSchema,
  'quit.requested': quitRequestedSchema,
} satisfies Record<EventName, z.ZodType>;

export type Events = typeof events;
/** What main passes to `emit` (before parsing). */
export type EventInput<E extends EventName> = z.input<Events[E]>;
/** What a listener receives: the payload after main parsed it. */
export type EventPayload<E extends EventName> = z.output<Events[E]>;
