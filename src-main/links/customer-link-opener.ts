// Opens `fieldbook://customer/<connection>/<key>` links handed to Fieldbook by the OS: the argv of
// the first launch or of a second instance (Windows, Linux), or macOS `open-url`. A link opens
// something only when it is well-formed AND names a connection set up on this computer.
import type { EventHub } from '../ipc/event-hub';
import {
  isAppLinkCandidate,
  parseCustomerAppLink,
  type CustomerLinkTarget,
} from '../../src-shared/net/app-links';

export interface CustomerLinkOpenerOptions {
  /** Whether a connection with this id exists here (the connection store). */
  hasConnection(id: string): Promise<boolean>;
  /** The window's event list: `customer.linkOpened` goes out once the window listens. */
  events: Pick<EventHub, 'emit'>;
  /** Tells the user, in words, why a link opened nothing (Electron: a message box). */
  refuse(message: string): void;
  log?: (line: string) => void;
}

export interface CustomerLinkOpener {
  /** Handles one raw link; resolves once it was refused, queued or announced. */
  open(raw: string): Promise<void>;
  /** The customer link among a command line's words, if any (the first one). */
  linkInArgv(argv: readonly string[]): string | undefined;
  /** The window is listening now: the link from before that is handed over (once), and later ones go as events. */
  takePending(): CustomerLinkTarget | null;
}

const unknownConnection =
  'This link is for a connection that is not set up on this computer, so Fieldbook opened nothing. Ask a colleague for a link from a connection you have, or add that connection in Settings.';

export function createCustomerLinkOpener(options: CustomerLinkOpenerOptions): CustomerLinkOpener {
  let listening = false;
  let pending: CustomerLinkTarget | null = null;
  return {
    async open(raw) {
      const parsed = parseCustomerAppLink(raw);
      if (!parsed.ok) {
        options.log?.(`Fieldbook refused a link: ${parsed.reason}`);
        options.refuse(parsed.reason);
        return;
      }
      const exists = await options.hasConnection(parsed.target.connectionId).catch(() => false);
      if (!exists) {
        options.log?.('Fieldbook refused a link to a connection that is not set up here');
        options.refuse(unknownConnection);
        return;
      }
      if (listening) options.events.emit('customer.linkOpened', parsed.target);
      else pending = parsed.target;
    },
    linkInArgv(argv) {
      return argv.find((word) => isAppLinkCandidate(word));
    },
    takePending() {
      listening = true;
      const taken = pending;
      pending = null;
      return taken;
    },
  };
}
