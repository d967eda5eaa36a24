// The system browser for sign-in: Electron's shell.openExternal behind H2's URL check — https
// anywhere, http only for loopback issuers such as the local sandbox.
import type { SystemBrowser } from '../auth/system-browser';
import { openExternalSafely } from './external-links';

export function createSystemBrowser(): SystemBrowser {
  return {
    async open(url) {
      const opened = await openExternalSafely(url, { allowLoopbackHttp: true });
      if (!opened.ok) throw new Error(opened.error.message);
    },
  };
}
