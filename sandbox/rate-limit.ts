// Per-account request budgets like the real services: Revnue shares 100 requests/min between every
// token of an account, R2 allows 600/min. Fixed windows from rate-limiter-flexible (memory mode);
// the window length is configurable so tests need not wait a minute.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class AccountRateLimiter {
  #limiter: RateLimiterMemory;
  throttled = 0;

  constructor(
    readonly name: string,
    readonly points: number,
    readonly windowMs: number,
  ) {
    this.#limiter = new RateLimiterMemory({ keyPrefix: name, points, duration: windowMs / 1000 });
  }

  async consume(accountKey: string): Promise<RateDecision> {
    try {
      await this.#limiter.consume(accountKey);
      return { allowed: true };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      this.throttled += 1;
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
      };
    }
  }
}
