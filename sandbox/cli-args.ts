// Parses `npm run sandbox -- …` flags into SandboxOptions. Any problem is a CliError with a
// message that says what to type instead; cli.ts prints it and exits with code 2.
import { parseArgs } from 'node:util';
import { parseFaultSpec } from './faults/fault-spec';
import type { SandboxOptions } from './options';

export class CliError extends Error {}

export const usage = `Usage: npm run sandbox -- [--port 4010] [--customers N] [--seed S]
  [--rate-limit-revnue N] [--rate-limit-r2 N] [--faults SPEC] [--token-ttl SEC] [--data FILE]

Prints one JSON line with the URLs and credentials when ready; logs go to stderr.
Fault SPEC example: "500:0.1,reset:0.05,lost:0.1@POST,latency:50-200,burst429:5,expire-tokens"`;

export function parseCliArgs(argv: string[]): SandboxOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        customers: { type: 'string' },
        seed: { type: 'string' },
        'rate-limit-revnue': { type: 'string' },
        'rate-limit-r2': { type: 'string' },
        faults: { type: 'string' },
        'token-ttl': { type: 'string' },
        data: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${usage}`);
  }
  if (values.help) throw new CliError(usage);
  if (values.faults !== undefined) {
    try {
      parseFaultSpec(values.faults);
    } catch (error) {
      throw new CliError(`--faults: ${(error as Error).message}`);
    }
  }
  if (values.data !== undefined && values.data.trim() === '')
    throw new CliError('--data needs a file path.');
  return {
    port: integer(values.port, '--port', 0, 65535),
    customers: integer(values.customers, '--customers', 0, 1_000_000),
    seed: integer(values.seed, '--seed', 0, 2 ** 32 - 1),
    rateLimitRevnue: integer(values['rate-limit-revnue'], '--rate-limit-revnue', 1, 1_000_000),
    rateLimitR2: integer(values['rate-limit-r2'], '--rate-limit-r2', 1, 1_000_000),
    faults: values.faults,
    tokenTtlSeconds: integer(values['token-ttl'], '--token-ttl', 1, 365 * 24 * 3600),
    dataFile: values.data,
  };
}

function integer(
  text: string | undefined,
  flag: string,
  min: number,
  max: number,
): number | undefined {
  if (text === undefined) return undefined;
  const value = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new CliError(`${flag} must be a whole number from ${min} to ${max} (got "${text}").`);
  }
  return value;
}
