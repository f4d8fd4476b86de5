// Bundles each step (and the CLI) into one self-contained dist/<name>/index.js with @vercel/ncc.
// Deterministic: the same sources and lockfile give byte-identical output, which CI checks.
import ncc from '@vercel/ncc';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
export const BUNDLES = {
  'update-manifest': 'actions/update-manifest/index.ts',
  'wait-argocd-healthy': 'actions/wait-argocd-healthy/index.ts',
  'open-promotion-pr': 'actions/open-promotion-pr/index.ts',
  rollback: 'actions/rollback/index.ts',
  cli: 'packages/core/src/cli/main.ts',
};

const only = process.argv.slice(2);
for (const [name, entry] of Object.entries(BUNDLES)) {
  if (only.length > 0 && !only.includes(name)) continue;
  const { code, assets } = await ncc(path.join(root, entry), {
    minify: false,
    sourceMap: false,
    cache: false,
    quiet: true,
    target: 'es2022',
    license: 'licenses.txt',
  });
  const outDir = path.join(root, 'dist', name);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, 'index.js'), code);
  for (const [file, asset] of Object.entries(assets ?? {})) {
    await mkdir(path.dirname(path.join(outDir, file)), { recursive: true });
    await writeFile(path.join(outDir, file), asset.source);
  }
  console.log(`dist/${name}/index.js  ${(code.length / 1024).toFixed(0)} KiB`);
}
