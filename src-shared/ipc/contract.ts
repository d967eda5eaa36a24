// The IPC contract (docs/architecture.md#the-ipc-contract-and-result-answers): every renderer→main
// operation with the zod schema of its input and of the value its Result carries. Main's router and
// window.fieldbook derive from it.
import { z } from 'zod';
import { authStateSchema, connectionViewSchema, newConnectionSchema } from '../connection';
import { connectionNameSchema } from '../connection-parts';
import { connectorContracts } from '../connectors/registry';
import {
  journalAppendSchema,
  journalRewriteSchema,
  journalSeqSchema,
  journalStateSchema,
} from '../journal/journal-record';
import type { Channel } from './channels';
import { connectionId, noInput, onConnection, type Operation } from './contract-parts';
import { resultSchema, type Result } from './result';

export type { Operation } from './contract-parts';
export { REVNUE_LIST_PAGE_MAX } from '../connectors/revnue-v2/contract';

export const authStatusSchema = z.object({
  state: authStateSchema,
  /** Who is signed in, as the API names them (R2 `sub`, a token's label), when known. */
  subject: z.string().optional(),
  /** When the access token expires (ISO), for tokens that say so. */
  expiresAt: z.string().optional(),
});
export type AuthStatus = z.infer<typeof authStatusSchema>;

const connections = z.object({ connections: z.array(connectionViewSchema) });

/**
 * What protects sign-ins on this computer (never any secret): the OS keychain, Electron
 * safeStorage with a real backend, `weak` safeStorage the user accepted, `memory` (tests and the
 * browser harness only: nothing is persisted securely), or `unavailable` with the reason.
 */
export const secretsStatusSchema = z.object({
  store: z.enum(['keychain', 'safe_storage', 'weak', 'memory', 'unavailable']),
  /** When `unavailable`: why, and what the user can do, in words for the screen. */
  message: z.string().optional(),
  /** When `unavailable`: whether accepting weaker storage would help on this computer. */
  canAcceptWeakStorage: z.boolean().optional(),
});
export type SecretsStatus = z.infer<typeof secretsStatusSchema>;

/** A customer named by a `fieldbook://customer/…` link (src-shared/net/app-links.ts). */
export const customerLinkTargetSchema = z.object({
  connectionId: z.string().min(1).max(256),
  customerKey: z.string().min(1).max(256),
});

/** The id main gives each quit request; the window's answer names it. */
export const quitRequestId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'This is not a quit request Fieldbook made');
/** The most characters one `export.write` carries: the window splits bigger pieces. */
export const EXPORT_CHUNK_MAX = 1_048_576;
/** What `export.begin` answered: an opaque id, never anything the caller made up. */
const exportSession = z
  .string()
  .min(1, 'Start the export first')
  .max(64, 'This is not an export Fieldbook started');

export const contract = {
  'connections.list': { input: noInput, output: connections },
  'connections.create': { input: newConnectionSchema, output: connectionViewSchema },
  'connections.rename': {
    input: z.strictObject({
      id: connectionId,
      name: connectionNameSchema,
    }),
    output: connectionViewSchema,
  },
  'connections.select': {
    input: z.strictObject({ id: connectionId }),
    output: connectionViewSchema,
  },
  'connections.delete': { input: z.strictObject({ id: connectionId }), output: z.null() },

  'auth.status': { input: onConnection({}), output: authStatusSchema },
  /** R2 Authorization Code + PKCE in the system browser; resolves once the browser came back. */
  'auth.signIn': { input: onConnection({}), output: authStatusSchema },
  'auth.cancelSignIn': { input: onConnection({}), output: z.null() },
  /** R2 client-credentials grant for service accounts; the secret goes to the OS keychain. */
  'auth.signInService': {
    input: onConnection({ clientSecret: z.string().trim().min(1, 'Client secret is required') }),
    output: authStatusSchema,
  },
  /** Revnue admin token: main verifies it against the API before it saves it. */
  'auth.setToken': {
    input: onConnection({ token: z.string().trim().min(1, 'Paste the API token') }),
    output: authStatusSchema,
  },
  'auth.signOut': { input: onConnection({}), output: authStatusSchema },

  ...connectorContracts,

  'secrets.status': { input: noInput, output: secretsStatusSchema },
  /** The user's explicit consent to weaker storage: saved, and used at once (no restart). */
  'secrets.acceptWeakStorage': { input: noInput, output: secretsStatusSchema },
  /**
   * Withdraws that consent: the sign-ins kept with weaker protection are deleted (every connection
   * is signed out and asks to sign in again) and weaker storage is refused again, at once.
   */
  'secrets.withdrawWeakStorage': { input: noInput, output: secretsStatusSchema },

  /** "Try the sandbox": main starts the sandbox in-process and adds one connection per API. */
  'sandbox.tryIt': { input: noInput, output: connections },

  /**
   * Opens a customer's website or e-mail address in the user's browser or mail program, or its
   * postal address on OpenStreetMap ("Open in maps"). `value` is the RAW field value (for an
   * address: its fields' texts joined with ", "), never a URL: main composes the https:/mailto:
   * link itself (src-shared/net/customer-links.ts, maps-link.ts) and refuses anything that does
   * not compose, so the window cannot ask main to open an address of its choosing.
   */
  'links.open': {
    input: z.strictObject({
      kind: z.enum(
        ['website', 'email', 'address'],
        'Say whether this is a website, an e-mail address or a postal address',
      ),
      value: z
        .string()
        .max(2048, 'This is too long to be a website, an e-mail address or a postal address'),
    }),
    output: z.null(),
  },

  /**
   * What the window needs of the desktop at start: the OS regional format (null where there is
   * no desktop — the browser harness keeps the browser's own), and the customer link Fieldbook
   * was launched with, handed over once.
   */
  'desktop.start': {
    input: noInput,
    output: z.object({
      locale: z.string().min(2).max(64).nullable(),
      openLink: customerLinkTargetSchema.nullable(),
    }),
  },
  /** Prints the window's page (its print styles show the open customer's card) to a printer. */
  'desktop.print': {
    input: noInput,
    output: z.object({ outcome: z.enum(['printed', 'cancelled']) }),
  },
  /**
   * Saves the window's page as a PDF where the user picks in a save dialog. `name` suggests the
   * file name (the customer's name); main makes it a safe file name.
   */
  'desktop.savePdf': {
    input: z.strictObject({
      name: z.string().max(200, 'A file name that long cannot be saved').optional(),
    }),
    output: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('saved'), path: z.string() }),
      z.object({ outcome: z.literal('cancelled') }),
    ]),
  },

  /**
   * The window's answer to `quit.requested` (docs/desktop.md#quitting): `quit` (nothing waits, or
   * the person chose to quit), `cancel` (they stay), or `asking` (the quit dialog is open: main
   * stops its answer timer and waits for the person). `requestId` is the request's own id.
   */
  'desktop.quitAnswer': {
    input: z.strictObject({
      requestId: quitRequestId,
      answer: z.enum(['quit', 'cancel', 'asking'], 'Answer quit, cancel or asking'),
    }),
    output: z.null(),
  },
  /**
   * Export (docs/export.md#the-streaming-protocol): main asks where to save in a save dialog and
   * answers a session id; the window then sends the file's text in order (`seq` 0, 1, 2, …, at
   * most EXPORT_CHUNK_MAX characters each), main writes it to a temp file beside the target and
   * renames it into place on `finish`; `cancel` (or a window that stops sending) deletes it.
   * `download`: there is no desktop (the browser harness): the window saves the file itself, as
   * a download named `fileName`. `name` suggests the file name; main makes it a safe one.
   */
  'export.begin': {
    input: z.strictObject({
      format: z.enum(['csv', 'vcard'], 'Export as csv or vcard'),
      name: z.string().max(200, 'A file name that long cannot be saved'),
    }),
    output: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('started'), session: exportSession }),
      z.object({ outcome: z.literal('cancelled') }),
      z.object({ outcome: z.literal('download'), fileName: z.string().min(1).max(260) }),
    ]),
  },
  'export.write': {
    input: z.strictObject({
      session: exportSession,
      seq: z.number().int().min(0, 'Chunks are numbered from 0'),
      chunk: z
        .string()
        .max(EXPORT_CHUNK_MAX, `At most ${EXPORT_CHUNK_MAX} characters go in one piece`),
    }),
    output: z.null(),
  },
  'export.finish': {
    input: z.strictObject({ session: exportSession }),
    output: z.object({ path: z.string() }),
  },
  'export.cancel': {
    input: z.strictObject({ session: exportSession }),
    output: z.null(),
  },
  /**
   * The change journal (docs/journal.md): main's durable copy of every waiting change. `read`
   * answers a connection's sequence and waiting records; `append` writes one store transaction's
   * records and answers once they are on disk; `rewrite` replaces the whole journal (after a
   * restore, or when the journal was lost and the store is ahead).
   */
  'journal.read': { input: onConnection({}), output: journalStateSchema },
  'journal.append': { input: journalAppendSchema, output: z.object({ seq: journalSeqSchema }) },
  'journal.rewrite': { input: journalRewriteSchema, output: z.null() },
} satisfies Record<Channel, Operation>;
export type Contract = typeof contract;

/** What a caller passes (defaults not yet applied). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives: the input after the contract's schema parsed it. */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
/** The value inside the Result of a successful call. */
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

/** Who sent a request. Electron: the sending frame's URL; the e2e harness: the page's origin. */
export interface IpcSender {
  url?: string;
  /** Electron: whether the sending frame is the window's top-level frame. */
  topFrame?: boolean;
  /**
   * Which window sent it (Electron: its webContents id), for state main keeps per window such as
   * open list cursors. Absent where one page is all there is (the e2e harness): then the URL is.
   */
  window?: string;
}
export interface HandlerContext {
  channel: Channel;
  sender: IpcSender;
}
export type Handler<C extends Channel> = (
  input: ParsedInput<C>,
  ctx: HandlerContext,
) => Promise<Result<Output<C>>>;
/** One handler per operation: a missing or mistyped handler is a compile error. */
export type Handlers = { [C in Channel]: Handler<C> };

/** The schema of the Result an operation answers with (for tests and the harness). */
export function resultSchemaOf<C extends Channel>(channel: C) {
  return resultSchema(contract[channel].output);
}
