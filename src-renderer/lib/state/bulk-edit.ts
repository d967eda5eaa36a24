// "Edit selected" run through the store: the customers' keys in batches (one strict transaction
// each, see lib/db/bulk-changes.ts), a pause between batches so the window keeps drawing and
// answering, progress after each, and the outcome in words. A failure stops the run: the batches
// before it are saved and queued, the failing one wrote nothing.
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import type { CustomerStore, FieldChange, RefusedCustomer } from '../db/customer-store';
import { describeError } from './error-message';

export interface BulkEditRequest {
  readonly descriptor: ConnectorDescriptor<unknown>;
  readonly connectionId: string;
  readonly keys: readonly string[];
  readonly change: FieldChange;
}

export interface BulkEditOutcome {
  readonly total: number;
  /** Customers handled by committed batches (queued, unchanged, missing or refused). */
  readonly done: number;
  readonly queued: number;
  readonly unchanged: number;
  readonly missing: number;
  readonly refused: readonly RefusedCustomer[];
  /** Why the run stopped early, in words; null when every batch was saved. */
  readonly failure: string | null;
}

export interface BulkEditOptions {
  /** Customers per transaction: small enough that one batch never holds the window long. */
  readonly batchSize?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** Between batches; default a macrotask, so input and painting run in between. */
  readonly pause?: () => Promise<void>;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function runBulkEdit(
  store: CustomerStore,
  request: BulkEditRequest,
  options: BulkEditOptions = {},
): Promise<BulkEditOutcome> {
  const { keys } = request;
  const batchSize = options.batchSize ?? 50;
  const pause = options.pause ?? nextTask;
  let done = 0;
  let queued = 0;
  let unchanged = 0;
  let missing = 0;
  const refused: RefusedCustomer[] = [];
  let failure: string | null = null;
  options.onProgress?.(0, keys.length);
  while (done < keys.length) {
    const batch = keys.slice(done, done + batchSize);
    try {
      const result = await store.setFieldOfMany(
        request.descriptor,
        request.connectionId,
        batch,
        request.change,
      );
      queued += result.queued;
      unchanged += result.unchanged;
      missing += result.missing;
      refused.push(...result.refused);
    } catch (error) {
      failure = describeError(error);
      break;
    }
    done += batch.length;
    options.onProgress?.(done, keys.length);
    if (done < keys.length) await pause();
  }
  return { total: keys.length, done, queued, unchanged, missing, refused, failure };
}

const numbers = new Intl.NumberFormat();
const customers = (n: number) => `${numbers.format(n)} ${n === 1 ? 'customer' : 'customers'}`;

/** "Set Category to Retail for 20 customers?" — the one confirmation. */
export function confirmWords(field: string, value: string, count: number): string {
  return `Set ${field} to ${value} for ${customers(count)}?`;
}

/** "Updating 120 of 2,000 customers…" */
export function progressWords(done: number, total: number): string {
  return `Updating ${numbers.format(done)} of ${customers(total)}…`;
}

/** What happened, in one or two sentences. */
export function outcomeWords(outcome: BulkEditOutcome, field: string, value: string): string {
  const parts: string[] = [];
  if (outcome.failure !== null) {
    const left = outcome.total - outcome.done;
    parts.push(
      `Stopped: ${outcome.failure} ${customers(outcome.queued)} updated before it are saved and will sync; ${customers(left)} were not changed.`,
    );
  } else {
    parts.push(`${field} set to ${value} for ${customers(outcome.queued)}.`);
  }
  if (outcome.unchanged > 0) {
    parts.push(`${customers(outcome.unchanged)} already had it.`);
  }
  if (outcome.missing > 0) {
    parts.push(`${customers(outcome.missing)} no longer on this computer.`);
  }
  if (outcome.refused.length > 0) {
    const [first] = outcome.refused;
    parts.push(
      `${customers(outcome.refused.length)} not changed, fix in the editor (${first!.name}: ${first!.reason}).`,
    );
  }
  return parts.join(' ');
}
