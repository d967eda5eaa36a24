import { describe, expect, test } from 'vitest';
import { fallbackLine, harnessProfileDir, planStart, type MachineFacts } from './start-plan';

const base: MachineFacts = {
  electronPathFile: 'electron',
  electronBinaryExists: true,
  env: { DISPLAY: ':0' },
  browsers: ['/usr/bin/chromium'],
  homeDir: '/home/ann',
};

describe('planStart', () => {
  test('runs Electron when path.txt and the binary are both there', () => {
    expect(planStart(base)).toEqual({ mode: 'electron' });
  });

  test('falls back to the harness when path.txt is missing, opening Chromium on a display', () => {
    const plan = planStart({ ...base, electronPathFile: undefined, electronBinaryExists: false });
    expect(plan).toEqual({
      mode: 'harness',
      why: expect.stringContaining('not downloaded'),
      browser: '/usr/bin/chromium',
      profileDir: '/home/ann/.local/share/fieldbook-harness',
    });
  });

  test('falls back when path.txt exists but the binary does not', () => {
    const plan = planStart({ ...base, electronBinaryExists: false });
    expect(plan.mode).toBe('harness');
    expect(plan.mode === 'harness' && plan.why).toContain('incomplete');
  });

  test('opens no browser without DISPLAY or WAYLAND_DISPLAY', () => {
    const plan = planStart({ ...base, electronPathFile: undefined, env: {} });
    expect(plan.mode === 'harness' && plan.browser).toBeUndefined();
  });

  test('a Wayland display counts as a display', () => {
    const plan = planStart({
      ...base,
      electronPathFile: undefined,
      env: { WAYLAND_DISPLAY: 'w-0' },
    });
    expect(plan.mode === 'harness' && plan.browser).toBe('/usr/bin/chromium');
  });

  test('no browser found: still the harness, nothing to open', () => {
    const plan = planStart({ ...base, electronPathFile: undefined, browsers: [] });
    expect(plan.mode === 'harness' && plan.browser).toBeUndefined();
  });

  test('the profile lives under XDG_DATA_HOME when set', () => {
    expect(harnessProfileDir({ XDG_DATA_HOME: '/data' }, '/home/ann')).toBe(
      '/data/fieldbook-harness',
    );
  });

  test('the fallback line is one line and says the binary is missing', () => {
    const plan = planStart({ ...base, electronPathFile: undefined });
    if (plan.mode !== 'harness') throw new Error('expected the harness');
    const line = fallbackLine(plan);
    expect(line).toMatch(/^Fieldbook: the Electron binary is missing/);
    expect(line).not.toContain('\n');
  });
});
