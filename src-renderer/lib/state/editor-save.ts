// Saving from the editor (docs/editor.md, "Saving"): writing the record on this computer — a new
// customer is created and the open editor then points at its key, an existing one is saved — and
// reading the stored row back, plus the lines the form says about the outcome. EditorState keeps
// what the form shows (draft, messages, status); this file keeps the store's side and the words.
import type { ConnectionView } from '../../../src-shared/connection';
import type { ConnectorDescriptor } from '../../../src-shared/connectors/descriptor';
import { StoreError, type CustomerStore } from '../db/customer-store';
import type { CustomerRow } from '../db/rows';
import type { Navigation } from './navigation.svelte';

export interface EditorSaveDeps {
  readonly store: CustomerStore;
  readonly navigation: Navigation;
  readonly connection: ConnectionView;
  readonly descriptor: ConnectorDescriptor<unknown>;
}

export interface StoredRecord {
  /** The customer's local key (new for a customer created by this save). */
  readonly key: string;
  /** The row as stored; undefined if it was gone by the time it was read back. */
  readonly row: CustomerRow | undefined;
}

/**
 * Stores `record` for the customer `key` (null: a new customer). `created` hears a new key before
 * the open editor is pointed at it, so a failed read-back does not create the customer twice.
 */
export async function storeRecord(
  deps: EditorSaveDeps,
  key: string | null,
  record: unknown,
  created: (key: string) => void,
): Promise<StoredRecord> {
  const { store, connection, descriptor, navigation } = deps;
  let storedKey: string;
  if (key === null) {
    storedKey = await store.createCustomer(descriptor, connection.id, record);
    created(storedKey);
    navigation.replaceOpen(storedKey);
  } else {
    storedKey = key;
    await store.saveCustomer(descriptor, connection.id, key, record);
  }
  const row = await store.getCustomer(connection.id, storedKey);
  return { key: storedKey, row };
}

/** What the form says after a save: it is on this computer; when it will reach the server. */
export function savedText(online: boolean): string {
  return online
    ? 'Saved on this computer. It will sync shortly.'
    : 'Saved on this computer. It will sync when Fieldbook is online.';
}

/** What the form says when `count` fields keep the record from being saved. */
export function invalidText(count: number): string {
  return `Fix ${count} ${count === 1 ? 'field' : 'fields'} before saving.`;
}

/** What the form says when the store refused or failed the save. */
export function problemText(error: unknown): string {
  if (error instanceof StoreError)
    return `Not saved: ${error.message} Your changes are still here.`;
  return 'Not saved: something went wrong on this computer. Your changes are still here.';
}
