// Runs out/main/index.js under plain Node with `electron` (and `keytar`) replaced by stubs, drives
// it a little, and prints what happened as one JSON line for src-main/main-bundle.test.ts.
import { register } from 'node:module';

const stubs = {
  electron: new URL('./electron-stub.mjs', import.meta.url).href,
  keytar: `data:text/javascript,${encodeURIComponent(
    'const no = () => Promise.reject(new Error("no keychain in this test"));' +
      'export default { getPassword: no, setPassword: no, deletePassword: no };',
  )}`,
};
register(
  `data:text/javascript,${encodeURIComponent(
    `const stubs = ${JSON.stringify(stubs)};` +
      'export async function resolve(specifier, context, next) {' +
      '  if (specifier in stubs) return { url: stubs[specifier], shortCircuit: true };' +
      '  return next(specifier, context);' +
      '}',
  )}`,
);

const [bundle] = process.argv.slice(2);
await import(bundle);
const probe = globalThis.mainBundleProbe;
for (let i = 0; i < 200 && (probe.windows.length === 0 || !probe.menu); i++) {
  await new Promise((resolve) => setTimeout(resolve, 25));
}

const ourPage = { senderFrame: { url: 'app://fieldbook/index.html', parent: null } };
const foreignPage = { senderFrame: { url: 'https://evil.example/', parent: null } };
const fetchApp = async (url) => {
  const response = await probe.protocolHandler(new Request(url));
  return {
    status: response.status,
    csp: response.headers.get('content-security-policy'),
    body: (await response.text()).slice(0, 200),
  };
};

const window = probe.windows[0];
process.stdout.write(
  `${JSON.stringify({
    calls: probe.calls,
    channels: [...probe.ipcHandlers.keys()],
    webPreferences: window?.options.webPreferences,
    list: await probe.ipcHandlers.get('connections.list')?.(ourPage, undefined),
    foreign: await probe.ipcHandlers.get('connections.list')?.(foreignPage, undefined),
    index: await fetchApp('app://fieldbook/index.html'),
    traversal: await fetchApp('app://fieldbook/..%2f..%2fpackage.json'),
    menu: (probe.menu ?? []).map((top) => top.label),
    desktopStart: await probe.ipcHandlers.get('desktop.start')?.(ourPage, undefined),
    windowBounds: window && {
      x: window.options.x,
      y: window.options.y,
      width: window.options.width,
      height: window.options.height,
    },
  })}\n`,
);
process.exit(0);
