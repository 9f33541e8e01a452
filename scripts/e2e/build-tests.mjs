// Bundle the end-to-end suites for VS Code's extension host:
//   test/e2e/index.ts           -> dist/test/e2e/index.js        (exports run())
//   test/e2e/suite/*.test.ts    -> dist/test/e2e/suite/*.test.js (one bundle each)
// `vscode` is provided by the extension host; mocha stays external (it is
// resolved from node_modules at run time).
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outdir = join(root, 'dist', 'test', 'e2e');
rmSync(outdir, { recursive: true, force: true });

const suites = readdirSync(join(root, 'test', 'e2e', 'suite'))
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => `test/e2e/suite/${f}`);

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
  absWorkingDir: root,
};

await build({ ...common, entryPoints: ['test/e2e/index.ts'], outfile: join(outdir, 'index.js') });
await build({ ...common, entryPoints: suites, outdir: join(outdir, 'suite') });
console.log(`e2e: bundled ${suites.length} suite file(s) into ${outdir}`);
