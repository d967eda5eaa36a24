// What one connector holds in src-shared (docs/architecture.md#adding-a-connector): everything
// main and the renderer both need to know about an API, as one object its folder exports.
import type { z } from 'zod';
import type { Operation } from '../ipc/contract-parts';
import type { ConnectorDescriptor } from './descriptor';

export interface SharedConnector<K extends string, R> {
  readonly kind: K;
  /** The API in a few words, for messages that compare two kinds ("not Unibiz R2"). */
  readonly shortName: string;
  /** How the sync core, the store and the screens treat this API's records. */
  readonly descriptor: ConnectorDescriptor<R>;
  /** A new connection of this kind: `kind` (this literal), name, base URL, sign-in settings. */
  readonly connection: z.ZodObject<{ kind: z.ZodLiteral<K> } & z.ZodRawShape>;
  /** Its IPC operations; `channels` (in channels.ts, zod-free) names the same ones. */
  readonly contract: Readonly<Record<string, Operation>>;
  readonly channels: readonly string[];
}
