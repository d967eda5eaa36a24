// One screen checked the same way everywhere: in light and then dark colours (the OS setting the
// app follows), axe-core must find no violation, and a screenshot goes to docs/screenshots/
// <screen>-<light|dark>.png (committed; the README's "Screens" section shows them).
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const screenshots = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** axe-core's violations on the page as it is now (WCAG 2.0/2.1/2.2 A and AA, best practices). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') would refuse the
  // inline <script> that addScriptTag adds, and loosening the CSP would test another app.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(o: unknown): Promise<unknown> } }).axe;
    const result = (await axe.run({
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      resultTypes: ['violations'],
    })) as { violations: AxeViolation[] };
    return result.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })),
    }));
  });
}

function describe(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n'),
    )
    .join('\n');
}

/** Light then dark: no axe violation, and the screenshot; leaves the page in light colours. */
export async function checkScreen(page: Page, screen: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (globalThis as unknown as { matchMedia(q: string): { matches: boolean } }).matchMedia(
              '(prefers-color-scheme: dark)',
            ).matches,
        ),
      )
      .toBe(colorScheme === 'dark');
    const violations = await axeViolations(page);
    // Soft: one run lists the violations of every screen and still writes every screenshot.
    expect
      .soft(violations, `axe on ${screen} (${colorScheme}):\n${describe(violations)}`)
      .toEqual([]);
    await page.screenshot({
      path: `${screenshots}${screen}-${colorScheme}.png`,
      animations: 'disabled',
      caret: 'hide',
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
