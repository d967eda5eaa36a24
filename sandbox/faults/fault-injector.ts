// Decides, per request, which faults fire. Draws come from a seeded stream, so a run with the same
// `--seed`, rules and request order injects the same faults. Rules can be replaced at run time.
import { createRandom, deriveSeed, type Random } from '../random';
import type { ParsedFaultRule } from './fault-rules';

export type FaultAction =
  | { kind: 'none' }
  | { kind: 'reset' }
  | { kind: 'status'; status: 500 | 502 | 503 }
  | { kind: 'throttle'; retryAfterSeconds: number };

export interface FaultPlan {
  delayMs: number;
  /** What happens before the request is processed. */
  action: FaultAction;
  /** Process the request, then destroy the socket instead of answering. */
  loseResponse: boolean;
}

type ActiveRule = Exclude<ParsedFaultRule, { kind: 'expire-tokens' }>;

export class FaultInjector {
  #rules: ActiveRule[] = [];
  /** Remaining 429s per burst rule, by index in #rules. */
  #burstLeft = new Map<number, number>();
  #random: Random;
  readonly injected: Record<string, number> = {};

  constructor(
    seed: number,
    private readonly onExpireTokens: () => void,
  ) {
    this.#random = createRandom(deriveSeed(seed, 'faults'));
  }

  get rules(): readonly ParsedFaultRule[] {
    return this.#rules;
  }

  /** Replaces every rule; `expire-tokens` acts once, now, and is not kept. */
  setRules(rules: readonly ParsedFaultRule[]): void {
    this.#rules = [];
    this.#burstLeft.clear();
    for (const rule of rules) {
      if (rule.kind === 'expire-tokens') {
        this.onExpireTokens();
        this.#count('expire-tokens');
        continue;
      }
      if (rule.kind === 'burst429') this.#burstLeft.set(this.#rules.length, rule.count);
      this.#rules.push(rule);
    }
  }

  plan(method: string, path: string): FaultPlan {
    const plan: FaultPlan = { delayMs: 0, action: { kind: 'none' }, loseResponse: false };
    this.#rules.forEach((rule, index) => {
      if (!inScope(rule, method, path)) return;
      switch (rule.kind) {
        case 'latency':
          plan.delayMs += this.#random.int(rule.minMs, rule.maxMs);
          return;
        case 'lost':
          if (this.#random.chance(rule.probability)) plan.loseResponse = true;
          return;
        case 'reset':
        case 'status':
          if (plan.action.kind === 'none' && this.#random.chance(rule.probability)) {
            plan.action =
              rule.kind === 'reset' ? { kind: 'reset' } : { kind: 'status', status: rule.status };
          }
          return;
        case 'burst429': {
          const left = this.#burstLeft.get(index) ?? 0;
          if (plan.action.kind === 'none' && left > 0) {
            this.#burstLeft.set(index, left - 1);
            plan.action = { kind: 'throttle', retryAfterSeconds: rule.retryAfterSeconds };
          }
        }
      }
    });
    // A request that never runs cannot lose its response.
    if (plan.action.kind !== 'none') plan.loseResponse = false;
    if (plan.action.kind !== 'none')
      this.#count(plan.action.kind === 'status' ? String(plan.action.status) : plan.action.kind);
    if (plan.loseResponse) this.#count('lost');
    if (plan.delayMs > 0) this.#count('latency');
    return plan;
  }

  #count(kind: string): void {
    this.injected[kind] = (this.injected[kind] ?? 0) + 1;
  }
}

function inScope(rule: ActiveRule, method: string, path: string): boolean {
  if (rule.method !== undefined && rule.method !== method) return false;
  if (rule.path !== undefined) return path.startsWith(rule.path);
  return path.startsWith('/api/') || path.startsWith('/r2/');
}
