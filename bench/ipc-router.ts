// Main's share of every renderer→main call: the contract client, the sender check and the zod
// parse of the payload in the router, for the heaviest payload the sync engine sends (an R2
// customer with contacts) and the parse of its answer (the same customer, as R2 would echo it).
// The handler itself answers at once, so only our overhead is timed.
import type { Handlers } from '../src-shared/ipc/contract';
import { channels } from '../src-shared/ipc/channels';
import { createFieldbookApi } from '../src-shared/ipc/client';
import { ok } from '../src-shared/ipc/result';
import { r2WriteFromRecord } from '../src-shared/connectors/r2/api';
import { seedCustomer } from '../src-shared/connectors/r2/api/seed-samples';
import { acmeOnR2 } from '../src-shared/sync/test-support/sample-records';
import { createIpcRouter } from '../src-main/ipc/router';
import { printFigures, round, sized } from './figures';

const answerAtOnce = async () => ok(null);
const answerCustomer = async () => ok(seedCustomer);
const handlers = {
  ...Object.fromEntries(channels.map((channel) => [channel, answerAtOnce])),
  'r2.customers.update': answerCustomer,
};
const router = createIpcRouter({
  handlers: handlers as unknown as Handlers,
  isTrustedSender: (sender) => sender.url === 'app://fieldbook/index.html',
});
const api = createFieldbookApi(
  (channel, payload) =>
    router.handle(channel, { url: 'app://fieldbook/index.html', topFrame: true }, payload),
  // The benchmark measures operations only; it listens to no event.
  () => () => {},
);

const body = r2WriteFromRecord(acmeOnR2());
const calls = sized(20_000);

async function microsecondsPerCall(): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < calls; i += 1) {
    const answer = await api.r2.customers.update({ connectionId: 'c1', id: 'R-1', body });
    if (!answer.ok) throw new Error(answer.error.message);
  }
  return ((performance.now() - started) * 1000) / calls;
}

await microsecondsPerCall(); // warm-up
printFigures(`IPC router, ${calls} r2.customers.update calls`, [
  {
    name: 'client + sender check + input and output parse',
    value: round(await microsecondsPerCall()),
    unit: 'µs/call',
    better: 'lower',
    goal: 50,
    limit: 200,
    why: 'a fraction of one Electron IPC hop (~100 µs), so the contract costs nothing noticeable',
  },
]);
