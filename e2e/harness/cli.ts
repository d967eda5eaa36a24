// `npm run harness -- --port 5173 [--sandbox] [--profile DIR] [--renderer DIR]`: the renderer in
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
  },
});

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
