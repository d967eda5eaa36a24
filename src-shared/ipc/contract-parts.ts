// The pieces every part of the IPC contract is built from, so a connector's own operations
// (src-shared/connectors/<kind>/contract.ts) read exactly like the rest of the contract.
import { z } from 'zod';

// Inputs are strict objects: a key the contract does not name is a bug in the caller, and saying
// so beats silently dropping it.
export const noInput = z.strictObject({}).optional();
export const connectionId = z.string().trim().min(1, 'Choose a connection first');
export const onConnection = <S extends z.ZodRawShape>(shape: S) =>
  z.strictObject({ connectionId, ...shape });
export const isoDateTime = z.iso.datetime({ offset: true, message: 'Use an ISO date and time' });

export interface Operation {
  input: z.ZodType;
  output: z.ZodType;
}
