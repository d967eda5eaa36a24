// Push rate ÷ the pacing budget over an offline backlog on R2 (`updates` or `creates`): the
// backlog is queued offline in the lab page, then the lab goes online and the outbox drains
// through the real engine, main's pacer and the sandbox's rate limit. Counted at the sandbox:
// every R2 API request from "online" until the outbox is empty, per minute, ÷ main's R2 share.
import { startBenchWorld } from './lab/bench-world';
import { printFigures, quick, round, sized } from './figures';

const kind = process.argv[2] === 'creates' ? 'creates' : 'updates';
const backlog = sized(1_000);
/**
 * R2's budget is 600 requests/min. A full run of 1,000 updates (2,000 requests) would take over
 * 3 minutes; it runs with the sandbox's limit AND main's share raised together by this factor,
 * so the ratio is the same and the window 1/scale as long. The quick run uses the real 600/min.
 */
const scale = quick ? 1 : 4;
const share = 600 * scale;
const firstMinuteMs = 60_000 / scale;

const world = await startBenchWorld({
  sandbox: {
    // Some demo customers are "Created in CRM" and never listed: more than the backlog.
    customers: kind === 'updates' ? Math.ceil(backlog * 1.25) : 10,
    rateLimitR2: share,
  },
  connector: 'r2',
  perMinute: share,
});
const r2Requests = () =>
  Object.entries(world.sandbox.state().requests)
    .filter(([endpoint]) => / \/r2\//.test(endpoint))
    .reduce((sum, [, count]) => sum + count, 0);
const throttled = () => world.sandbox.state().throttled.r2;

let figures;
try {
  const { connectionId } = world;
  // No background fetching of full records: the window measures the push alone.
  await world.bench('setOfflineScope', connectionId, 'opened');
  await world.lab('start', { online: true });
  await world.bench('watchUntil', connectionId, 'pulled', 120_000);
  await world.lab('settled');
  await world.lab('setOnline', false);

  const queued =
    kind === 'updates'
      ? await world.bench('queue', connectionId, {
          kind: 'updates',
          keys: await world.bench('rowKeys', connectionId, backlog),
          path: 'address.city',
        })
      : await world.bench('queue', connectionId, {
          kind: 'creates',
          count: backlog,
          fields: { synchronizer2: 'Created in R2' },
          nameField: 'companyname',
          namePrefix: 'Bench create',
        });
  if (queued !== backlog) throw new Error(`queued ${queued} of ${backlog}`);

  // Timed with Playwright detached, as the pull benches are: its Network domain would copy every
  // WebSocket frame of the harness's bridge (each push's request and answer) to this process
  // (bench/lab/page-protocol.ts). The counts and the first-minute mark start inside, once the
  // bare client is on the page, so re-attaching is not in the window.
  const before = { requests: 0, throttled: 0 };
  let afterFirstMinute = 0;
  let mark: ReturnType<typeof setTimeout> | undefined;
  const window = await world.detached((page) => {
    Object.assign(before, { requests: r2Requests(), throttled: throttled() });
    afterFirstMinute = before.throttled;
    mark = setTimeout(() => (afterFirstMinute = throttled()), firstMinuteMs);
    return page.evaluate<{ ms: number }>(`(async () => {
      const startedAt = performance.now();
      syncLab.setOnline(true);
      const { endedAt } = await benchLab.watchUntil(${JSON.stringify(connectionId)}, 'drained', 600000);
      return { ms: endedAt - startedAt };
    })()`);
  });
  const requests = r2Requests() - before.requests;
  clearTimeout(mark);
  const late429s = window.ms > firstMinuteMs ? throttled() - afterFirstMinute : 0;
  const total429s = throttled() - before.throttled;
  const perMinute = requests / (window.ms / 60_000);
  const costs = kind === 'updates' ? 'a GET and a PATCH each' : 'a POST each';
  const unitBudget = kind === 'updates' ? share / 2 : share;
  const scaled =
    scale === 1 ? '' : ` (R2's 600/min ×${scale}, sandbox limit and main's share alike)`;
  figures = [
    {
      name: `${kind}: requests per minute ÷ main's R2 share`,
      value: round(perMinute / share, 3),
      unit: '×',
      better: 'higher' as const,
      goal: 0.95,
      limit: 0.8,
      why: 'a backlog must drain as fast as the account allows; the pacer keeps ~1.7 % back',
      note:
        `${backlog} ${kind} (${costs}: budget ${unitBudget} ${kind}/min) → ${requests} R2 requests in ` +
        `${round(window.ms / 1000, 1)} s = ${Math.round(perMinute)}/min against a share of ${share}/min${scaled}`,
    },
    {
      name: `${kind}: 429s after the first minute`,
      value: late429s,
      unit: '429s',
      better: 'lower' as const,
      goal: 0,
      limit: 5,
      why: "each 429 stops the account's requests for its Retry-After; the pacer should cause none",
      note: `${total429s} in the whole window; "first minute" = the first ${round(firstMinuteMs / 1000, 1)} s at ×${scale}`,
    },
  ];
} finally {
  await world.close();
}
printFigures(`R2 push of a ${backlog}-${kind.slice(0, -1)} offline backlog`, figures);
