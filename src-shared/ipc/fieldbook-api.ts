// The type of `window.fieldbook`, derived from the IPC contract: `fieldbook.r2.customers.patch`
// exists because the channel `r2.customers.patch` does, with that channel's input and output.
import type { Channel } from './channels';
import type { Input, Output } from './contract';
import type { EventName } from './event-names';
import type { EventPayload } from './events';
import type { Result } from './result';

/** One operation. Operations without input (`connections.list`) may be called with no argument. */
export type FieldbookOperation<C extends Channel> =
  undefined extends Input<C>
    ? (input?: Input<C>) => Promise<Result<Output<C>>>
    : (input: Input<C>) => Promise<Result<Output<C>>>;

/**
 * The operations under `Prefix` (e.g. `'r2.'`), keyed by their next name segment: a segment
 * that is followed by more segments becomes a nested object, the last one the operation itself.
 */
type FieldbookNamespace<Prefix extends string> = {
  readonly [
    C in Channel as C extends `${Prefix}${infer Rest}`
      ? Rest extends `${infer Head}.${string}`
        ? Head
        : Rest
      : never
  ]: C extends `${Prefix}${infer Head}.${string}`
    ? FieldbookNamespace<`${Prefix}${Head}.`>
    : FieldbookOperation<C>;
};

/** Stops one listener; calling it again does nothing. */
export type Unsubscribe = () => void;

export interface FieldbookEvents {
  /**
   * Calls `listener` with each payload of `event` main announces, until the returned function is
   * called. Only the names of the event list exist: another name is a compile error (and, from
   * untyped code, subscribes to nothing).
   */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): Unsubscribe;
}

/**
 * `window.fieldbook`: named operations, plus `on` for main's events. There is no way to invoke
 * an arbitrary channel or to listen to one.
 */
export type FieldbookApi = FieldbookNamespace<''> & FieldbookEvents;
