// The body of `GET /_sandbox/state` and `sandbox.state()`: what is stored and what happened.
import { r2DefaultSynchronizer2, r2ListedSynchronizer2 } from '../src-shared/connectors/r2/api';
import type { FaultInjector } from './faults/fault-injector';
import type { AccountRateLimiter } from './rate-limit';
import type { RequestStats } from './request-stats';
import type { SandboxData } from './sandbox-data';

export interface SandboxState {
  counts: {
    revnueCustomers: number;
    r2Customers: number;
    r2Contacts: number;
    r2HiddenFromList: number;
  };
  /** Requests seen per endpoint, e.g. `"POST /r2/customers": 3` (ids as `{id}`). */
  requests: Record<string, number>;
  /** 429s sent by the rate limiters (injected 429 bursts are under `faults.injected.throttle`). */
  throttled: { revnue: number; r2: number };
  rateLimits: { revnue: number; r2: number; windowMs: number };
  faults: { rules: unknown[]; injected: Record<string, number> };
  /** R2 list requests answered and the CPU time spent building them (ms): the sandbox's own share. */
  r2ListServed: { pages: number; ms: number };
}

export function sandboxState(parts: {
  data: SandboxData;
  stats: RequestStats;
  limiters: { revnue: AccountRateLimiter; r2: AccountRateLimiter };
  faults: FaultInjector;
}): SandboxState {
  const { data, stats, limiters, faults } = parts;
  let r2Contacts = 0;
  let r2HiddenFromList = 0;
  for (const { customer } of data.r2.customers.values()) {
    r2Contacts += customer.contacts?.length ?? 0;
    if (!r2ListedSynchronizer2.includes(customer.synchronizer2 ?? r2DefaultSynchronizer2))
      r2HiddenFromList += 1;
  }
  return {
    counts: {
      revnueCustomers: data.revnue.customers.size,
      r2Customers: data.r2.customers.size,
      r2Contacts,
      r2HiddenFromList,
    },
    requests: { ...stats.byEndpoint },
    throttled: { revnue: limiters.revnue.throttled, r2: limiters.r2.throttled },
    rateLimits: {
      revnue: limiters.revnue.points,
      r2: limiters.r2.points,
      windowMs: limiters.r2.windowMs,
    },
    faults: { rules: [...faults.rules], injected: { ...faults.injected } },
    r2ListServed: { ...data.r2.listCache.served },
  };
}
