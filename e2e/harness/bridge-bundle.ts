// Builds the page-side bridge (browser/bridge-entry.ts) into one classic script at harness start,
// from the same contract-driven factory the preload uses, so the two cannot drift apart.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export async function buildBridgeScript(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./browser/bridge-entry.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    legalComments: 'none',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no bridge script');
  return output.text;
}
