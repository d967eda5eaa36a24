// The runner's defaults in a real window: connectivity from `navigator.onLine` and its events,
// the lock holder's heartbeat in localStorage (shared by every window of the profile's origin).
import type { Heartbeat } from './profile-lock';

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
