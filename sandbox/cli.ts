// `npm run sandbox -- --port 4010 …`: starts the sandbox and prints exactly one JSON line on
// stdout when it is ready (logs go to stderr). Bad arguments: message on stderr, exit code 2.
import { CliError, parseCliArgs } from './cli-args';
import { startSandbox, type Sandbox } from './index';
import { sandboxReadyLine } from './ready-line';

async function main(): Promise<void> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(process.argv.includes('--help') || process.argv.includes('-h') ? 0 : 2);
  }
  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox(options);
  } catch (error) {
    process.stderr.write(`The sandbox could not start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  process.stdout.write(`${JSON.stringify(sandboxReadyLine(sandbox))}\n`);
  const stop = (signal: string) => {
    process.stderr.write(`[sandbox] ${signal}: saving and stopping\n`);
    sandbox.close().then(
      () => process.exit(0),
      (error: Error) => {
        process.stderr.write(`[sandbox] could not stop cleanly: ${error.message}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

void main();
