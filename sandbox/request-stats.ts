// Counts requests per endpoint for `GET /_sandbox/state`, so tests and benchmarks can assert how
// many calls a client really made (e.g. "one POST despite three retries").

export class RequestStats {
  readonly byEndpoint: Record<string, number> = {};

  count(method: string, path: string): void {
    const key = `${method} ${normalizePath(path)}`;
    this.byEndpoint[key] = (this.byEndpoint[key] ?? 0) + 1;
  }
}

/** "/r2/customers/1000042" → "/r2/customers/{id}"; ids and opaque uids become placeholders. */
export function normalizePath(path: string): string {
  return path
    .split('/')
    .map((segment) =>
      /^\d+$/.test(segment) || /^[A-Za-z0-9_-]{16,}$/.test(segment) ? '{id}' : segment,
    )
    .join('/');
}
