// The events main announces to the renderer (docs/ipc.md#events-from-main-to-the-window), each with
// the zod schema of its payload. Main parses every payload with it before it leaves, so only what
// is named here crosses.
import { z } from 'zod';
import { connectionViewSchema } from '../connection';
import { authStatusSchema } from './contract';
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

export const events = {
  'auth.changed': authChangedSchema,
  'connections.changed': connectionsChangedSchema,
} satisfies Record<EventName, z.ZodType>;

export type Events = typeof events;
/** What main passes to `emit` (before parsing). */
export type EventInput<E extends EventName> = z.input<Events[E]>;
/** What a listener receives: the payload after main parsed it. */
export type EventPayload<E extends EventName> = z.output<Events[E]>;
