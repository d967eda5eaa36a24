// Main's log: redacted before anything sees it; start-up lines reach the file once it is attached.
import { describe, expect, test } from 'vitest';
import { createMainLog } from './main-log';

describe('main log', () => {
  test('start-up lines wait for the file, later ones go straight to it, all redacted', () => {
    const consoleLines: string[] = [];
    const fileLines: string[] = [];
    const main = createMainLog((line) => consoleLines.push(line));
    main.log('starting; Authorization: Bearer abc.def-secret-token');
    expect(fileLines).toEqual([]);
    main.attach({ write: (line) => fileLines.push(line) });
    main.log('window opened');
    expect(fileLines).toHaveLength(2);
    expect(fileLines[1]).toBe('window opened');
    expect(consoleLines).toEqual(fileLines);
    expect(fileLines.join('\n')).not.toContain('abc.def-secret-token');
  });
});
