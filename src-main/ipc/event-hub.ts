// Main's side of the event list (docs/ipc.md#events-from-main-to-the-window): services emit on the
// hub, the edges that reach the window (Electron's webContents, the harness socket) subscribe and
// forward. Every payload is parsed with its event's schema first and the PARSED value goes on, so a
// key the schema does not name (a token attached by mistake) never leaves main.
import { isEventName, type EventName } from '../../src-shared/ipc/event-names';
import { events, type EventInput, type EventPayload } from '../../src-shared/ipc/events';
import { redactSecrets } from '../secrets/redact';

/** One announced event, narrowed by its name. */
export type HubEvent = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];

export interface EventHub {
  /** Parses and delivers at once; a payload that breaks its schema is logged and dropped. */
  emit<E extends EventName>(event: E, payload: EventInput<E>): void;
  /** Every event from now on, until the returned function is called. */
  subscribe(listener: (event: HubEvent) => void): () => void;
}

export function createEventHub(options: { log?: (line: string) => void } = {}): EventHub {
  const log = (line: string) => (options.log ?? console.error)(redactSecrets(line));
  const listeners = new Set<(event: HubEvent) => void>();

  return {
    emit(event, payload) {
      if (!isEventName(event)) {
        log(`event dropped: Fieldbook has no event called "${String(event).slice(0, 80)}"`);
        return;
      }
      const parsed = events[event].safeParse(payload);
      if (!parsed.success) {
        // Paths and messages only: the payload itself may hold what must not be logged.
        const issues = parsed.error.issues.map(
          (i) => `${i.path.join('.') || '(root)'}: ${i.message}`,
        );
        log(`event ${event} dropped: its payload breaks the event list (${issues.join('; ')})`);
        return;
      }
      const announced = { event, payload: parsed.data } as HubEvent;
      for (const listener of [...listeners]) {
        try {
          listener(announced);
        } catch (error) {
          // One failing edge (a window that is closing) must not keep the event from the others.
          log(
            `event ${event}: a listener failed: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
