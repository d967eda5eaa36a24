// Connections: the accounts Fieldbook syncs with (kind, name, base URL, sign-in settings), kept in
// connections.json in the user-data folder. No secret is ever written here; they live in a SecretStore.
import { randomUUID } from 'node:crypto';
import type { Connection } from '../../src-shared/connection';
import { fail, ok, type Result } from '../../src-shared/ipc/result';
import type { SecretStore } from '../secrets/secret-store';
import {
  parseConnectionName,
  parseNewConnection,
  parseRepointedConnection,
  type ConnectionAddress,
} from './connection-input';
import { loadConnectionsFile, saveConnectionsFile, type ConnectionsFile } from './connections-file';

export interface ConnectionStoreOptions {
  /** The user-data folder. */
  dir: string;
  secrets: SecretStore;
  newId?: () => string;
  now?: () => number;
  /** Told when a damaged connections.json was moved aside. */
  warn?: (message: string) => void;
}

export interface ConnectionStore {
  list(): Promise<Result<Connection[]>>;
  get(id: string): Promise<Result<Connection>>;
  create(input: unknown): Promise<Result<Connection>>;
  rename(id: string, name: unknown): Promise<Result<Connection>>;
  select(id: string): Promise<Result<Connection>>;
  /**
   * Moves a connection to a new address (base URL, and the R2 sign-in server) and keeps
   * everything else, tokens included. For the local sandbox, whose port can change on restart.
   */
  repoint(id: string, address: ConnectionAddress): Promise<Result<Connection>>;
  activeId(): Promise<Result<string | null>>;
  /** Removes the connection and its secrets (tokens). */
  delete(id: string): Promise<Result<void>>;
}

const notFound = () =>
  fail('not_found', 'This connection no longer exists. It may have been deleted.');

function diskFailure(error: unknown): Result<never> {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return fail(
    'server',
    `Fieldbook could not read or save its list of connections on this computer${code ? ` (${code})` : ''}. ` +
      'Check that the disk is not full and try again.',
  );
}

export function createConnectionStore(options: ConnectionStoreOptions): ConnectionStore {
  const { dir, secrets } = options;
  const newId = options.newId ?? randomUUID;
  const now = options.now ?? Date.now;
  let cached: ConnectionsFile | null = null;
  // Every read-modify-write runs after the previous one, so concurrent calls never lose an update.
  let queue: Promise<unknown> = Promise.resolve();

  function serialized<T>(task: () => Promise<Result<T>>): Promise<Result<T>> {
    const run = queue.then(task).catch(diskFailure);
    queue = run;
    return run;
  }

  async function current(): Promise<ConnectionsFile> {
    if (cached) return cached;
    const loaded = await loadConnectionsFile(dir, now());
    if (loaded.movedDamagedFileTo) {
      options.warn?.(
        `connections.json could not be read and was moved to ${loaded.movedDamagedFileTo}`,
      );
    }
    cached = loaded.file;
    return cached;
  }

  async function commit(next: ConnectionsFile): Promise<void> {
    await saveConnectionsFile(dir, next);
    cached = next;
  }

  function update(
    id: string,
    change: (connection: Connection, file: ConnectionsFile) => ConnectionsFile,
  ): Promise<Result<Connection>> {
    return serialized(async () => {
      const file = await current();
      const connection = file.connections.find((c) => c.id === id);
      if (!connection) return notFound();
      const next = change(connection, file);
      await commit(next);
      return ok(next.connections.find((c) => c.id === id) ?? connection);
    });
  }

  return {
    list: () => serialized(async () => ok((await current()).connections)),
    get: (id) =>
      serialized(async () => {
        const connection = (await current()).connections.find((c) => c.id === id);
        return connection ? ok(connection) : notFound();
      }),
    create: (input) =>
      serialized(async () => {
        const parsed = parseNewConnection(input);
        if (!parsed.ok) return parsed;
        const file = await current();
        const connection: Connection = {
          ...parsed.value,
          id: newId(),
          createdAt: new Date(now()).toISOString(),
        };
        await commit({
          ...file,
          activeId: file.activeId ?? connection.id,
          connections: [...file.connections, connection],
        });
        return ok(connection);
      }),
    rename: (id, name) => {
      const parsed = parseConnectionName(name);
      if (!parsed.ok) return Promise.resolve(parsed);
      return update(id, (connection, file) => ({
        ...file,
        connections: file.connections.map((c) =>
          c.id === id ? { ...connection, name: parsed.value } : c,
        ),
      }));
    },
    select: (id) => update(id, (_connection, file) => ({ ...file, activeId: id })),
    repoint: (id, address) =>
      serialized(async () => {
        const file = await current();
        const connection = file.connections.find((c) => c.id === id);
        if (!connection) return notFound();
        const parsed = parseRepointedConnection(connection, address);
        if (!parsed.ok) return parsed;
        const moved: Connection = { ...parsed.value, id, createdAt: connection.createdAt };
        await commit({
          ...file,
          connections: file.connections.map((c) => (c.id === id ? moved : c)),
        });
        return ok(moved);
      }),
    activeId: () => serialized(async () => ok((await current()).activeId)),
    delete: (id) =>
      serialized(async () => {
        const file = await current();
        if (!file.connections.some((c) => c.id === id)) return notFound();
        // Secrets first: if the keychain refuses, the connection stays listed and can be retried,
        // instead of leaving a token behind that no connection refers to any more.
        try {
          await secrets.delete(id);
        } catch {
          return fail(
            'server',
            'Fieldbook could not remove the saved sign-in of this connection from the system ' +
              'keychain, so the connection was kept. Unlock the keychain and try again.',
          );
        }
        const remaining = file.connections.filter((c) => c.id !== id);
        const activeId = file.activeId === id ? (remaining[0]?.id ?? null) : file.activeId;
        await commit({ ...file, activeId, connections: remaining });
        return ok(undefined);
      }),
  };
}
