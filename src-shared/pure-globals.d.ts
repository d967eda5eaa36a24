// src-shared compiles without DOM or Node typings so nothing environment-specific slips in.
// These few globals exist in every runtime we target (Node, Electron, Chromium); declare them here.
// Only tsconfig.shared.json reads this file — the node and web configs get them from their libs.

declare class URL {
  constructor(url: string | URL, base?: string | URL);
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly host: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly origin: string;
  toString(): string;
}

declare function structuredClone<T>(value: T): T;

declare const crypto: { randomUUID(): string };

declare function setTimeout(handler: () => void, ms?: number): unknown;
declare function clearTimeout(handle: unknown): void;

interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
