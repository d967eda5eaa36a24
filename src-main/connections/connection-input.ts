// Turns what the user typed for a connection into a valid Connection, or into per-field messages a
// salesperson understands. Adds the checks the shared schema leaves open, as the connection's own
// sign-in strategy names them: its sign-in endpoints must be https (http only on loopback), and
// its settings checks (R2: an issuer, or the endpoints typed in).
import type { z } from 'zod';
import { baseUrlSchema, newConnectionSchema, type Connection } from '../../src-shared/connection';
import { connectionNameSchema } from '../../src-shared/connection-parts';
import { fail, ok, type Result } from '../../src-shared/ipc/result';
import type { SignInStrategy } from '../auth/sign-in-strategy';
import { mainConnectorFor, mainConnectors } from '../connectors/registry';

export type ValidNewConnection = z.output<typeof newConnectionSchema>;

const labels: Record<string, string> = {
  kind: 'Connection type',
  name: 'Name',
  baseUrl: 'Address',
  company: 'Company',
  auth: 'Sign-in settings',
  'auth.mode': 'Sign-in method',
  'auth.clientId': 'Client ID',
  'auth.issuer': 'Sign-in server',
  'auth.authorizationEndpoint': 'Authorization endpoint',
  'auth.tokenEndpoint': 'Token endpoint',
  'auth.scope': 'Scope',
};

type Issue = z.core.$ZodIssue;

function friendlyMessage(field: string, issue: Issue): string {
  const label = labels[field] ?? field;
  if (field === 'kind') return 'Choose the type of connection: Revnue or Unibiz R2';
  if (field === 'auth.mode') return 'Choose how to sign in';
  if (field === 'company') return 'Company must be a whole number of 1 or more';
  if (issue.code === 'invalid_type') {
    return issue.input === undefined ? `${label} is required` : `${label} has the wrong format`;
  }
  if (issue.code === 'invalid_format')
    return 'Enter a full address such as https://login.example.com/';
  return issue.message;
}

function addField(fields: Record<string, string[]>, field: string, message: string): void {
  const list = (fields[field] ??= []);
  if (!list.includes(message)) list.push(message);
}

export function validationFailure(fields: Record<string, string[]>): Result<never> {
  const summary = Object.values(fields)
    .map((messages) => messages[0])
    .join('; ');
  return fail('validation', `Please correct the connection settings: ${summary}`, { fields });
}

/** A base URL ending in `/`, so relative resource paths resolve below it, not beside it. */
function withTrailingSlash(url: string): string {
  const parsed = new URL(url);
  if (!parsed.pathname.endsWith('/')) parsed.pathname += '/';
  return parsed.toString();
}

/** Runs on the raw input so these messages appear together with the schema's own. */
function checkEndpointSchemes(input: unknown, fields: Record<string, string[]>): void {
  const kind = (input as { kind?: unknown } | null)?.kind;
  const main = mainConnectors.find((candidate) => candidate.kind === kind);
  const auth = (input as { auth?: unknown } | null)?.auth;
  if (!main || typeof auth !== 'object' || auth === null) return;
  for (const name of main.signIn.endpointFields) {
    const url = (auth as Record<string, unknown>)[name];
    const field = `auth.${name}`;
    if (typeof url !== 'string' || fields[field]) continue;
    const checked = baseUrlSchema.safeParse(url);
    if (!checked.success)
      addField(fields, field, checked.error.issues[0]?.message ?? 'Invalid address');
  }
}

/** What the connection's own sign-in checks beyond the shared schema. */
function checkSignInSettings(value: ValidNewConnection, fields: Record<string, string[]>): void {
  const signIn = mainConnectorFor(value.kind).signIn as SignInStrategy;
  signIn.checkSettings?.(value, (field, message) => addField(fields, field, message));
}

export function parseNewConnection(input: unknown): Result<ValidNewConnection> {
  const parsed = newConnectionSchema.safeParse(input);
  const fields: Record<string, string[]> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.map(String).join('.') || 'connection';
      addField(fields, field, friendlyMessage(field, issue));
    }
  }
  checkEndpointSchemes(input, fields);
  if (parsed.success) checkSignInSettings(parsed.data, fields);
  if (!parsed.success || Object.keys(fields).length > 0) return validationFailure(fields);
  return ok({ ...parsed.data, baseUrl: withTrailingSlash(parsed.data.baseUrl) });
}
const nameSchema = connectionNameSchema;

export function parseConnectionName(input: unknown): Result<string> {
  const parsed = nameSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  return validationFailure({ name: [issue ? friendlyMessage('name', issue) : 'Invalid name'] });
}

/** Where a connection's server moved to: the local sandbox after it came back on another port. */
export interface ConnectionAddress {
  baseUrl: string;
  /** R2 only, and only for a connection that discovers its endpoints from an issuer. */
  issuer?: string;
}

/** The connection as it would be at the new address, checked by the same rules as a new one. */
export function parseRepointedConnection(
  connection: Connection,
  address: ConnectionAddress,
): Result<ValidNewConnection> {
  const { id: _id, createdAt: _createdAt, ...settings } = connection;
  const issuer = 'issuer' in settings.auth ? settings.auth.issuer : undefined;
  if (address.issuer !== undefined && !issuer) {
    return validationFailure({
      'auth.issuer': ['This connection has no sign-in server address to change'],
    });
  }
  const moved =
    address.issuer !== undefined
      ? {
          ...settings,
          baseUrl: address.baseUrl,
          auth: { ...settings.auth, issuer: address.issuer },
        }
      : { ...settings, baseUrl: address.baseUrl };
  return parseNewConnection(moved);
}
