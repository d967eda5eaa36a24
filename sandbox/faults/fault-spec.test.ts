import { describe, expect, it } from 'vitest';
import { FaultInjector } from './fault-injector';
import { parseFaultSpec } from './fault-spec';

describe('fault spec', () => {
  it('parses every kind, with scopes', () => {
    expect(
      parseFaultSpec(
        '500:0.1, reset:0.05,lost:0.1@POST/r2/customers,latency:50-200,burst429:5@/api/,expire-tokens,503:1@PUT',
      ),
    ).toEqual([
      { kind: 'status', status: 500, probability: 0.1 },
      { kind: 'reset', probability: 0.05 },
      { kind: 'lost', probability: 0.1, method: 'POST', path: '/r2/customers' },
      { kind: 'latency', minMs: 50, maxMs: 200 },
      { kind: 'burst429', count: 5, retryAfterSeconds: 1, path: '/api/' },
      { kind: 'expire-tokens' },
      { kind: 'status', status: 503, probability: 1, method: 'PUT' },
    ]);
    expect(parseFaultSpec('')).toEqual([]);
  });

  it('explains what is wrong with a bad spec', () => {
    expect(() => parseFaultSpec('404:0.5')).toThrow('Unknown fault "404"');
    expect(() => parseFaultSpec('500')).toThrow('"500" needs a number');
    expect(() => parseFaultSpec('500:2')).toThrow('Invalid fault rule');
    expect(() => parseFaultSpec('latency:300-100')).toThrow('latency minMs must not exceed maxMs');
    expect(() => parseFaultSpec('reset:0.1@post')).toThrow('Invalid scope');
  });

  it('injects the same faults for the same seed and request order', () => {
    const run = (seed: number) => {
      const injector = new FaultInjector(seed, () => {});
      injector.setRules(parseFaultSpec('500:0.3,reset:0.2,lost:0.3,latency:0-100'));
      return Array.from({ length: 50 }, () => injector.plan('POST', '/r2/customers'));
    };
    expect(run(42)).toEqual(run(42));
    expect(run(42)).not.toEqual(run(43));
    const kinds = new Set(run(42).map((plan) => plan.action.kind));
    expect(kinds).toEqual(new Set(['none', 'status', 'reset']));
  });

  it('keeps faults to their scope; by default only the two APIs', () => {
    const injector = new FaultInjector(1, () => {});
    injector.setRules(parseFaultSpec('500:1'));
    expect(injector.plan('POST', '/oauth/token').action.kind).toBe('none');
    expect(injector.plan('GET', '/r2/customers').action.kind).toBe('status');
    injector.setRules(parseFaultSpec('reset:1@POST/oauth/token'));
    expect(injector.plan('POST', '/oauth/token').action.kind).toBe('reset');
    expect(injector.plan('GET', '/oauth/token').action.kind).toBe('none');
  });
});
