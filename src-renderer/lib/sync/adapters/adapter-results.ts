// The two ways an adapter itself fails (everything else is main's Result, passed on unchanged): a
// record the server would refuse (validation, with the per-field messages) and an answer the
// mapping cannot read (bad_response, in words). Neither ever throws.
import { fail, ok, type Result } from '../../../../src-shared/ipc/result';
import type { FieldErrors } from '../../../../src-shared/sync/validate';

/** The record breaks a rule of the API: nothing was sent. */
export function notSendable(errors: FieldErrors): Result<never> {
  const messages = [...new Set(Object.values(errors).flat())];
  return fail('validation', `This customer cannot be sent yet: ${messages.join(' ')}`, {
    fields: errors,
  });
}

/** `map(value)`, or a bad_response naming `what` when the mapping refuses the server's data. */
export function readServerData<I, O>(what: string, value: I, map: (value: I) => O): Result<O> {
  try {
    return ok(map(value));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail('bad_response', `The server sent ${what} Fieldbook could not read. ${reason}`);
  }
}
