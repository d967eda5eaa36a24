import { describe, expect, it } from 'vitest';
import { cspOf, injectBridge } from './static-server';

const html = `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; connect-src 'self'" />
<script type="module" crossorigin src="./assets/index.js"></script></head><body></body></html>`;

describe('static server', () => {
  it('reuses the CSP of the app', () => {
    expect(cspOf(html)).toBe("default-src 'self'; connect-src 'self'");
    expect(() => cspOf('<html></html>')).toThrow(/Content-Security-Policy/);
  });

  it('puts the bridge before the first script of the app', () => {
    const page = injectBridge(html);
    expect(page.indexOf('/__harness/bridge.js')).toBeLessThan(page.indexOf('./assets/index.js'));
    expect(injectBridge('<html><head></head></html>')).toContain(
      '<script src="/__harness/bridge.js"></script></head>',
    );
  });
});
