// `npm run harness -- --port 5173 [--sandbox] [--profile DIR] [--renderer DIR]
//   [--revnue-per-minute N] [--r2-per-minute N]`: the renderer in
// any browser, joined to main's services in Node. Prints ONE JSON line when ready, then serves
// until interrupted. Never part of the app: nothing in src-main imports e2e/.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startHarness } from './start-harness';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5173' },
    sandbox: { type: 'boolean', default: false },
    profile: { type: 'string' },
    renderer: { type: 'string', default: 'out/renderer' },
    // Main's pacing share per connection; the defaults are the app's (Revnue 40, R2 600). Runs
    // against a sandbox with raised limits (the sync fault run, benchmarks) raise these too.
    'revnue-per-minute': { type: 'string' },
    'r2-per-minute': { type: 'string' },
  },
});

function perMinute(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (Number.isInteger(parsed) && parsed > 0) return parsed;
  process.stderr.write(`--${flag} must be a whole number of requests per minute, not "${value}"\n`);
  process.exit(2);
}
const revnuePerMinute = perMinute('revnue-per-minute', values['revnue-per-minute']);
const r2PerMinute = perMinute('r2-per-minute', values['r2-per-minute']);

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`--port must be a port number (0 picks a free one), not "${values.port}"\n`);
  process.exit(2);
}

try {
  const harness = await startHarness({
    port,
    sandbox: values.sandbox,
    rendererDir: resolve(values.renderer),
    connectors: {
      ...(revnuePerMinute ? { revnuePerMinute } : {}),
      ...(r2PerMinute ? { r2PerMinute } : {}),
    },
    ...(values.profile ? { profileDir: resolve(values.profile) } : {}),
  });
  process.stdout.write(`${JSON.stringify({ url: harness.url, sandbox: harness.sandbox })}\n`);
  const stop = () => {
    void harness.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  process.stderr.write(
    `Harness failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}
