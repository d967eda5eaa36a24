// Packaging (`npm run dist`, electron-builder 26): AppImage + deb, NSIS, DMG, with the Electron
// fuses that lock the shipped binary down (docs/security.md). The desktop entry's words come from
// resources/fieldbook.desktop, so the file a Linux user sees and the one in the repo never drift.
// scripts/electron-builder-config.test.ts checks the targets, every fuse, asarUnpack and the
// file list; `npm run dist` itself needs the Electron download, so it cannot run on our CI.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuration } from 'electron-builder';

/** `Key=Value` lines of the [Desktop Entry] group; electron-builder writes Exec and Icon itself. */
function desktopEntry(file: string): Record<string, string> {
  const entry: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = /^([A-Za-z][A-Za-z0-9-]*)=(.*)$/.exec(line.trim());
    const [, key, value] = match ?? [];
    if (key && value !== undefined && key !== 'Exec' && key !== 'Icon') entry[key] = value;
  }
  return entry;
}

/**
 * Auto-update needs a feed to publish to; without FIELDBOOK_UPDATE_FEED at build time the
 * packages carry no update metadata, and the app (src-main/platform/auto-update.ts) stays off
 * unless a feed is configured on the machine.
 */
const updateFeed = process.env.FIELDBOOK_UPDATE_FEED;

const config: Configuration = {
  appId: 'com.fieldbook.desktop',
  productName: 'Fieldbook',
  copyright: 'Fieldbook',
  directories: { output: 'dist', buildResources: 'resources' },
  // Only what the app runs: the three built bundles and the window icon main loads from
  // resources/. package.json and the production dependencies are added by electron-builder;
  // dev dependencies, sources, tests, the e2e harness and the benchmarks never are.
  files: ['out/**', '!out/**/*.map', 'resources/icon.png'],
  // The user guide "Help → Open documentation" opens: outside app.asar, so the OS can read it.
  extraResources: [{ from: 'README.md', to: 'README.md' }],
  // fieldbook://customer/<connection>/<customer> opens Fieldbook on that customer: registered with
  // macOS (Info.plist) and Windows (the NSIS installer); on Linux the desktop entry's MimeType.
  // The scheme is src-shared/net/app-links.ts's appLinkScheme (its config test keeps them equal;
  // spelled out here so this file needs nothing of the app's sources).
  protocols: [{ name: 'Fieldbook customer link', schemes: ['fieldbook'] }],
  asar: true,
  // keytar is a native module: Electron cannot dlopen a .node file from inside the asar.
  asarUnpack: ['node_modules/keytar/**'],
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'resources/icon.png',
    category: 'Office',
    // The desktop entry says Exec=fieldbook; electron-builder's default deb depends already
    // include libsecret-1-0, which keytar needs for the Secret Service.
    executableName: 'fieldbook',
    desktop: { entry: desktopEntry(join(import.meta.dirname, 'resources/fieldbook.desktop')) },
  },
  win: { target: ['nsis'], icon: 'resources/icon.png' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: {
    target: ['dmg'],
    icon: 'resources/icon.png',
    category: 'public.app-category.business',
  },
  publish: updateFeed ? [{ provider: 'generic', url: updateFeed }] : null,
};

export default config;
