// The `connections.*` and `auth.*` IPC operations. What goes back is a ConnectionView or an auth
// status: settings and state only. Tokens stay inside the auth service and the SecretStore.
import type { Connection, ConnectionView, ConnectorKind } from '../../src-shared/connection';
import type { AuthStatus, Handlers } from '../../src-shared/ipc/contract';
import { ok, type Result } from '../../src-shared/ipc/result';
import type { AuthService } from '../auth/auth-service';
import type { ConnectionStore } from '../connections/connection-store';
import type { ChannelsOf } from '../connectors/main-connector';
import type { ConnectorRegistry } from './connector-registry';

// A connector's own sign-in helpers (auth.checkRevnueToken…) are answered by its handlers.
type ConnectionChannel = Exclude<
  Extract<keyof Handlers, `connections.${string}` | `auth.${string}`>,
  ChannelsOf<ConnectorKind>
>;

export interface ConnectionViews {
  view(connection: Connection): Promise<Result<ConnectionView>>;
  list(): Promise<Result<{ connections: ConnectionView[] }>>;
}

export function createConnectionViews(
  connections: ConnectionStore,
  auth: AuthService,
): ConnectionViews {
  async function view(connection: Connection): Promise<Result<ConnectionView>> {
    const [status, active] = await Promise.all([
      auth.status(connection.id),
      connections.activeId(),
    ]);
    if (!status.ok) return status;
    if (!active.ok) return active;
    return ok({
      ...connection,
      authState: status.value.state,
      active: active.value === connection.id,
    });
  }
  return {
    view,
    async list() {
      const listed = await connections.list();
      if (!listed.ok) return listed;
      const views: ConnectionView[] = [];
      for (const connection of listed.value) {
        const one = await view(connection);
        if (!one.ok) return one;
        views.push(one.value);
      }
      return ok({ connections: views });
    },
  };
}

export function createConnectionHandlers(deps: {
  connections: ConnectionStore;
  auth: AuthService;
  registry: ConnectorRegistry;
  views: ConnectionViews;
}): Pick<Handlers, ConnectionChannel> {
  const { connections, auth, registry, views } = deps;

  async function then<T>(result: Result<T>, next: (value: T) => Promise<Result<ConnectionView>>) {
    return result.ok ? next(result.value) : result;
  }
  async function thenStatus(result: Result<unknown>, id: string): Promise<Result<AuthStatus>> {
    return result.ok ? auth.status(id) : (result as Result<never>);
  }

  return {
    'connections.list': () => views.list(),
    'connections.create': async (input) => then(await connections.create(input), views.view),
    'connections.rename': async ({ id, name }) =>
      then(await connections.rename(id, name), views.view),
    'connections.select': async ({ id }) => then(await connections.select(id), views.view),
    'connections.delete': async ({ id }) => {
      await auth.cancelSignIn(id);
      const deleted = await connections.delete(id);
      registry.forget(id);
      return deleted.ok ? ok(null) : deleted;
    },

    'auth.status': ({ connectionId }) => auth.status(connectionId),
    'auth.signIn': async ({ connectionId }) =>
      thenStatus(await auth.signIn(connectionId), connectionId),
    'auth.cancelSignIn': async ({ connectionId }) => {
      const cancelled = await auth.cancelSignIn(connectionId);
      return cancelled.ok ? ok(null) : cancelled;
    },
    'auth.signInService': async ({ connectionId, clientSecret }) =>
      thenStatus(await auth.signInService(connectionId, clientSecret), connectionId),
    'auth.setToken': async ({ connectionId, token }) =>
      thenStatus(await auth.setToken(connectionId, token), connectionId),
    'auth.signOut': async ({ connectionId }) =>
      thenStatus(await auth.signOut(connectionId), connectionId),
  };
}
