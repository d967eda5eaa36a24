import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cli-args';

const tsx = new URL('../node_modules/.bin/tsx', import.meta.url).pathname;
const cli = new URL('./cli.ts', import.meta.url).pathname;

function run(args: string[]) {
  return spawn(tsx, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('npm run sandbox', () => {
  it('through npm itself, stdout holds nothing but the one JSON line', async () => {
    // detached: a process group of its own, so npm and the sandbox under it stop together.
    const child = spawn('npm', ['run', 'sandbox', '--', '--port', '0', '--customers', '5'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    try {
      const lines = createInterface({ input: child.stdout });
      const first = await new Promise<string>((resolve) => lines.once('line', resolve));
      stdout = first;
      lines.on('line', (line) => (stdout += `\n${line}`));
      // Anything npm or the script printed after the ready line would arrive right away.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(() => JSON.parse(first)).not.toThrow();
      expect(stdout.split('\n')).toEqual([first]);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
    await new Promise((resolve) => child.once('exit', resolve));
  });

  it('prints exactly one JSON line when ready, and the URLs in it work', async () => {
    const child = run([
      '--port',
      '0',
      '--customers',
      '5',
      '--seed',
      '3',
      '--faults',
      'latency:0-1',
    ]);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    try {
      const lines = createInterface({ input: child.stdout });
      const [line] = await new Promise<string[]>((resolve) =>
        lines.once('line', (first) => resolve([first])),
      );
      const ready = JSON.parse(line ?? '') as {
        url: string;
        revnue: { baseUrl: string; token: string; company: number };
        r2: Record<string, string>;
      };
      expect(Object.keys(ready)).toEqual(['url', 'revnue', 'r2']);
      expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(ready.revnue.company).toBe(1);
      expect(Object.keys(ready.r2)).toEqual([
        'baseUrl',
        'issuer',
        'publicClientId',
        'serviceClientId',
        'serviceClientSecret',
        'username',
        'password',
      ]);
      const response = await fetch(`${ready.revnue.baseUrl}company/`, {
        headers: { authorization: `Bearer ${ready.revnue.token}` },
      });
      expect(response.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    // Logs and library warnings go to stderr: stdout stays one machine-readable line.
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });

  it('exits with code 2 and a clear message on bad arguments', async () => {
    const child = run(['--port', 'abc']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('--port must be a whole number from 0 to 65535 (got "abc").');
  });

  it('parses every flag', () => {
    expect(
      parseCliArgs([
        '--port=4010',
        '--customers',
        '100',
        '--seed',
        '7',
        '--rate-limit-revnue',
        '10',
        '--rate-limit-r2',
        '20',
        '--faults',
        '500:0.1',
        '--token-ttl',
        '30',
        '--data',
        'x.ndjson',
      ]),
    ).toEqual({
      port: 4010,
      customers: 100,
      seed: 7,
      rateLimitRevnue: 10,
      rateLimitR2: 20,
      faults: '500:0.1',
      tokenTtlSeconds: 30,
      dataFile: 'x.ndjson',
    });
    expect(() => parseCliArgs(['--colour', 'red'])).toThrow("Unknown option '--colour'");
    expect(() => parseCliArgs(['--faults', 'boom'])).toThrow('--faults: Unknown fault "boom"');
    expect(() => parseCliArgs(['--rate-limit-r2', '0'])).toThrow(
      '--rate-limit-r2 must be a whole number from 1',
    );
  });
});
