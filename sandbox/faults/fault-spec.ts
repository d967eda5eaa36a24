// The compact fault spec of `--faults`, e.g.
//   "500:0.1,reset:0.05,lost:0.1@POST/r2/customers,latency:50-200,burst429:5,expire-tokens"
// Items are comma-separated `kind[:argument][@scope]`; a scope is an optional upper-case method
// followed by an optional path prefix ("@POST", "@/r2/", "@PUT/api/v2/customer/").
import type { FaultRule } from './fault-rules';
import { faultRulesSchema, type ParsedFaultRule } from './fault-rules';

export class FaultSpecError extends Error {}

export function parseFaultSpec(spec: string): ParsedFaultRule[] {
  const items = spec
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return validateFaultRules(items.map(parseItem));
}

export function validateFaultRules(rules: unknown): ParsedFaultRule[] {
  const result = faultRulesSchema.safeParse(rules);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? ` (rule ${issue.path.join('.')})` : '';
    throw new FaultSpecError(`Invalid fault rule${where}: ${issue?.message ?? 'unknown problem'}`);
  }
  return result.data;
}

function parseItem(item: string): FaultRule {
  const [head = '', scopeText] = item.split('@', 2);
  const [kind = '', argument] = head.split(':', 2);
  const scope = scopeText === undefined ? {} : parseScope(scopeText, item);
  switch (kind) {
    case '500':
    case '502':
    case '503':
      return {
        kind: 'status',
        status: Number(kind) as 500,
        probability: number(argument, item),
        ...scope,
      };
    case 'reset':
    case 'lost':
      return { kind, probability: number(argument, item), ...scope };
    case 'latency': {
      const [min, max = min] = (argument ?? '').split('-');
      return { kind, minMs: number(min, item), maxMs: number(max, item), ...scope };
    }
    case 'burst429':
      return { kind, count: number(argument, item), ...scope };
    case 'expire-tokens':
      return { kind };
    default:
      throw new FaultSpecError(
        `Unknown fault "${kind}" in "${item}". Known: 500, 502, 503, reset, lost, latency, burst429, expire-tokens.`,
      );
  }
}

function parseScope(text: string, item: string): { method?: string; path?: string } {
  const match = /^([A-Z]*)(\/.*)?$/.exec(text);
  if (!match)
    throw new FaultSpecError(`Invalid scope in "${item}": use @METHOD, @/path or @METHOD/path.`);
  return { ...(match[1] ? { method: match[1] } : {}), ...(match[2] ? { path: match[2] } : {}) };
}

function number(text: string | undefined, item: string): number {
  const value = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(value)) {
    throw new FaultSpecError(`"${item}" needs a number after ":".`);
  }
  return value;
}
