// The runner's defaults in a real window: connectivity from `navigator.onLine` and its events,
// the lock holder's heartbeat in localStorage and saves announced on a BroadcastChannel (both
// shared by every window of the profile's origin).
import type { Heartbeat } from './profile-lock';
import type { ChangeChannel, ChangeMessage } from './sync-runner';

export interface OnlineSignal {
  isOnline(): boolean;
  subscribe(listener: (online: boolean) => void): () => void;
}

export const browserOnlineSignal: OnlineSignal = {
  isOnline: () => navigator.onLine,
  subscribe(listener) {
    const online = () => listener(true);
    const offline = () => listener(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  },
};

export function localStorageHeartbeat(key: string): Heartbeat {
  return {
    read() {
      const value = Number(localStorage.getItem(key));
      return Number.isFinite(value) && value > 0 ? value : null;
    },
    write(at) {
      localStorage.setItem(key, String(at));
    },
  };
}

export function broadcastChangeChannel(name: string): ChangeChannel {
  // Opened on first use, so a runner that is never told of a change opens nothing.
  let channel: BroadcastChannel | null = null;
  const open = () => (channel ??= new BroadcastChannel(name));
  return {
    post(message) {
      open().postMessage(message);
    },
    subscribe(listener) {
      const onMessage = (event: MessageEvent<unknown>) => {
        const data = event.data as Partial<ChangeMessage> | null;
        const known = data?.cause === 'saved' || data?.cause === 'synced';
        if (typeof data?.connectionId === 'string' && known) listener(data as ChangeMessage);
      };
      open().addEventListener('message', onMessage);
      return () => {
        channel?.removeEventListener('message', onMessage);
        channel?.close();
        channel = null;
      };
    },
  };
}
