// Loopback-only admin endpoints for tests and benchmarks: `GET /_sandbox/state` (counts, requests
// per endpoint, 429s, injected faults) and `POST /_sandbox/faults` (replace the fault rules with
// `{"spec":"500:0.1,..."}` or `{"rules":[...]}`; `{"rules":[]}` turns faults off).
import type { IncomingMessage } from 'node:http';
import type { FaultRule } from './faults/fault-rules';
import { FaultSpecError } from './faults/fault-spec';
import { readJson, BodyError } from './http/read-body';
import { json, type SandboxResponse } from './http/respond';

export interface AdminActions {
  state: () => unknown;
  setFaults: (faults: string | FaultRule[]) => void;
}

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export async function handleAdmin(
  actions: AdminActions,
  req: IncomingMessage,
  path: string,
): Promise<SandboxResponse> {
  if (!loopback.has(req.socket.remoteAddress ?? ''))
    return json(403, { detail: 'Admin endpoints answer loopback only.' });
  if (path === '/_sandbox/state' && req.method === 'GET') return json(200, actions.state());
  if (path === '/_sandbox/faults' && req.method === 'POST') {
    try {
      const body = (await readJson(req)) as { spec?: unknown; rules?: unknown };
      if (typeof body?.spec === 'string') actions.setFaults(body.spec);
      else if (Array.isArray(body?.rules)) actions.setFaults(body.rules as FaultRule[]);
      else return json(400, { detail: 'Send {"spec": "500:0.1,..."} or {"rules": [...]}.' });
      return json(200, actions.state());
    } catch (error) {
      if (error instanceof BodyError || error instanceof FaultSpecError)
        return json(400, { detail: error.message });
      throw error;
    }
  }
  return json(404, { detail: 'Not found.' });
}
