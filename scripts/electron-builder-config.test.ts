// The packaging config (electron-builder.config.ts) as electron-builder reads it: the targets for
// each OS, every fuse docs/security.md lists, keytar unpacked from the asar, and the files that go
// into the package — matched with the same minimatch electron-builder uses, over every file in the
// repo and the built out/ — so a pattern that would ship a test or a source fails here.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import config from '../electron-builder.config';
import { appLinkScheme } from '../src-shared/net/app-links';

const repo = join(import.meta.dirname, '..');
const outDir = join(repo, 'out');

// electron-builder's own copy of minimatch, so the matching here is the packer's.
const { minimatch } = createRequire(require.resolve('app-builder-lib/package.json'))(
  'minimatch',
) as { minimatch: (path: string, pattern: string, options?: { dot?: boolean }) => boolean };

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Every file the packer could see: the tracked sources and the build output. */
function candidateFiles(): string[] {
  if (!existsSync(join(outDir, 'main/index.js'))) {
    throw new Error('out/ is not built: run `npm run build` first (npm test does).');
  }
  const tracked = execFileSync('git', ['ls-files'], { cwd: repo, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  return [...tracked, ...walk(outDir).map((file) => relative(repo, file))];
}

/** electron-builder's `files` semantics: later patterns win, `!` excludes. */
function packaged(files: string[], patterns: string[]): string[] {
  return files.filter((file) => {
    let included = false;
    for (const pattern of patterns) {
      const negated = pattern.startsWith('!');
      if (minimatch(file, negated ? pattern.slice(1) : pattern, { dot: true })) included = !negated;
    }
    return included;
  });
}

function targetNames(platform: unknown): string[] {
  const target = (platform as { target?: unknown } | null | undefined)?.target;
  return (Array.isArray(target) ? target : [target]).map((t) =>
    typeof t === 'string' ? t : String((t as { target: string }).target),
  );
}

describe('electron-builder.config.ts', () => {
  test('names the app and builds AppImage + deb, NSIS and DMG', () => {
    expect(config.appId).toBe('com.fieldbook.desktop');
    expect(config.productName).toBe('Fieldbook');
    expect(targetNames(config.linux)).toEqual(['AppImage', 'deb']);
    expect(targetNames(config.win)).toEqual(['nsis']);
    expect(targetNames(config.mac)).toEqual(['dmg']);
  });

  test('takes the icons and the desktop entry from resources/', () => {
    for (const platform of [config.linux, config.win, config.mac]) {
      expect(platform?.icon).toBe('resources/icon.png');
    }
    expect(existsSync(join(repo, 'resources/icon.png'))).toBe(true);
    const entry = config.linux?.desktop?.entry ?? {};
    expect(entry).toMatchObject({
      Name: 'Fieldbook',
      Categories: 'Office;ContactManagement;',
      StartupWMClass: 'Fieldbook',
    });
    expect(entry.Comment).toBe(
      /^Comment=(.*)$/m.exec(readFileSync(join(repo, 'resources/fieldbook.desktop'), 'utf8'))?.[1],
    );
    // electron-builder writes these two for the installed paths.
    expect(entry).not.toHaveProperty('Exec');
    expect(entry).not.toHaveProperty('Icon');
  });

  test('registers fieldbook:// links on every OS: protocols, and the Linux MimeType', () => {
    expect(config.protocols).toEqual([
      { name: 'Fieldbook customer link', schemes: [appLinkScheme] },
    ]);
    expect(config.linux?.desktop?.entry).toMatchObject({
      MimeType: `x-scheme-handler/${appLinkScheme};`,
    });
    // %U: the link reaches main's argv (first launch and second instance).
    expect(readFileSync(join(repo, 'resources/fieldbook.desktop'), 'utf8')).toMatch(
      /^Exec=fieldbook %U$/m,
    );
  });

  test('ships the user guide beside app.asar for Help → Open documentation', () => {
    expect(config.extraResources).toEqual([{ from: 'README.md', to: 'README.md' }]);
    expect(existsSync(join(repo, 'README.md'))).toBe(true);
  });

  test('sets every fuse that locks the binary down', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  test("unpacks keytar's native module from the asar", () => {
    const unpack = [config.asarUnpack ?? []].flat();
    expect(
      unpack.some((pattern) => minimatch('node_modules/keytar/build/Release/keytar.node', pattern)),
    ).toBe(true);
    expect(unpack.some((pattern) => minimatch('out/main/index.js', pattern))).toBe(false);
  });

  test('packages the built app and its icon, and no source, test, harness or benchmark', () => {
    const files = packaged(candidateFiles(), [config.files ?? []].flat() as string[]);
    expect(files).toEqual(
      expect.arrayContaining([
        'out/main/index.js',
        'out/preload/index.cjs',
        'out/renderer/index.html',
        'resources/icon.png',
      ]),
    );
    const unwanted = files.filter(
      (file) =>
        /^(src-[a-z]+|e2e|bench|security|sandbox|scripts|docs|node_modules)\//.test(file) ||
        /\.(test|spec)\.[cm]?[jt]s$/.test(file) ||
        /\.map$/.test(file) ||
        !/^(out|resources)\//.test(file),
    );
    expect(unwanted).toEqual([]);
  });

  test('every package the built main imports is a production dependency (dev ones never ship)', () => {
    const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const mainJs = walk(join(outDir, 'main')).filter((file) => file.endsWith('.js'));
    const imported = new Set<string>();
    for (const file of mainJs) {
      const source = readFileSync(file, 'utf8');
      for (const [, specifier] of source.matchAll(
        /(?:from\s*|import\(\s*)["']([^"'./][^"']*)["']/g,
      )) {
        if (specifier!.startsWith('node:')) continue;
        const name = specifier!.startsWith('@')
          ? specifier!.split('/').slice(0, 2).join('/')
          : specifier!.split('/')[0]!;
        imported.add(name);
      }
    }
    imported.delete('electron');
    expect(imported.size).toBeGreaterThan(0);
    const missing = [...imported].filter((name) => !(name in manifest.dependencies));
    expect(missing).toEqual([]);
  });
});
