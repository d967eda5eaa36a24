// The log file: lines land with a time, the file rotates at its size limit keeping N old ones,
// the redacting log in front of it keeps secrets out, and a folder it cannot write stops nothing.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createRedactingLog } from '../http/log';
import { createRotatingLog, logsDirIn } from './rotating-log';

let userData: string;
beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'fieldbook-logs-'));
});
afterEach(() => rm(userData, { recursive: true, force: true }));

const fixedNow = () => new Date('2026-12-07T14:00:00.000Z');

describe('rotating log', () => {
  test('writes time-stamped lines into logs/main.log in the profile', () => {
    const log = createRotatingLog({ dir: logsDirIn(userData), now: fixedNow });
    log.write('Fieldbook started');
    log.write('two\nlines');
    expect(log.path).toBe(join(userData, 'logs', 'main.log'));
    expect(readFileSync(log.path, 'utf8')).toBe(
      '2026-12-07T14:00:00.000Z Fieldbook started\n2026-12-07T14:00:00.000Z two\n    lines\n',
    );
  });

  test('rotates at the size limit and keeps only the newest files', () => {
    const dir = logsDirIn(userData);
    const log = createRotatingLog({ dir, maxBytes: 200, keep: 2, now: fixedNow });
    for (let i = 0; i < 40; i++) log.write(`line ${String(i).padStart(2, '0')} ${'x'.repeat(20)}`);
    expect(readdirSync(dir).sort()).toEqual(['main.log', 'main.log.1', 'main.log.2']);
    for (const name of readdirSync(dir)) {
      expect(readFileSync(join(dir, name)).length).toBeLessThanOrEqual(200);
    }
    // The newest line is in main.log, the one before it at the end of main.log.1.
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toContain('line 39');
    const previous = readFileSync(join(dir, 'main.log.1'), 'utf8').trim().split('\n');
    const current = readFileSync(join(dir, 'main.log'), 'utf8').trim().split('\n');
    const firstNow = Number(/line (\d+)/.exec(current[0]!)![1]);
    expect(previous.at(-1)).toContain(`line ${String(firstNow - 1).padStart(2, '0')}`);
    // The oldest lines are gone for good.
    const all = readdirSync(dir)
      .map((name) => readFileSync(join(dir, name), 'utf8'))
      .join('');
    expect(all).not.toContain('line 00');
  });

  test('continues an existing file and rotates it when it is already full', () => {
    const dir = logsDirIn(userData);
    createRotatingLog({ dir }).write('first session');
    writeFileSync(join(dir, 'main.log'), 'y'.repeat(500), { flag: 'a' });
    createRotatingLog({ dir, maxBytes: 400 }).write('second session');
    expect(readFileSync(join(dir, 'main.log.1'), 'utf8')).toContain('first session');
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toContain('second session');
  });

  test('behind the redacting log, no token reaches the file', () => {
    const file = createRotatingLog({ dir: logsDirIn(userData) });
    const log = createRedactingLog((line) => file.write(line));
    log('GET /customers failed: Authorization: Bearer eyJhbGciOi.secret-token-value');
    const text = readFileSync(file.path, 'utf8');
    expect(text).toContain('GET /customers failed');
    expect(text).not.toContain('secret-token-value');
  });

  test('a log folder that cannot be created is said once and stops nothing', () => {
    const blocker = join(userData, 'not-a-folder');
    writeFileSync(blocker, '');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const log = createRotatingLog({ dir: join(blocker, 'logs') });
      expect(() => {
        log.write('one');
        log.write('two');
      }).not.toThrow();
      expect(stderr).toHaveBeenCalledTimes(1);
      expect(String(stderr.mock.calls[0]![0])).toContain('cannot write its log file');
      expect(existsSync(join(blocker, 'logs'))).toBe(false);
    } finally {
      stderr.mockRestore();
    }
  });
});
