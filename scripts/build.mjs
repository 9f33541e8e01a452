// Bundles the extension client, the language server and the CLI with esbuild.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'scripts/gen-rules-index.mjs')], { stdio: 'inherit' });

// The built-in dictionaries (server/data/dictionary/*.json, required by
// server/src/engine/dictionary/builtin.ts) as JSON.parse of a string: V8
// parses that several times faster than the same data as an object literal.
const jsonAsString = {
  name: 'json-as-string',
  setup(b) {
    b.onLoad({ filter: /[\\/]server[\\/]data[\\/]dictionary[\\/][^\\/]+\.json$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      JSON.parse(text); // fail the build on a broken file, as esbuild's JSON loader does
      return { contents: `module.exports = JSON.parse(${JSON.stringify(text)});`, loader: 'js' };
    });
  },
};

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: !production,
  minify: production,
  loader: { '.md': 'text' },
  // jsonc-parser's UMD build defeats bundling; prefer ES modules
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  absWorkingDir: root,
  plugins: [jsonAsString],
};

// The CLI loads `new` and `export` (templates, the .docx writer) from a bundle
// of their own, only when one of them runs: server/src/cli.ts's
// require('./cli-extra') stays a require of dist/cli-extra.js.
const cliExtraExternal = {
  name: 'cli-extra-external',
  setup(b) {
    b.onResolve({ filter: /^\.\/cli-extra$/ }, (args) =>
      args.importer.endsWith(join('server', 'src', 'cli.ts')) ? { path: './cli-extra.js', external: true } : undefined,
    );
  },
};

// The extension client loads the .docx exporter, the template engine and the
// Word reader/reviewer from bundles of their own, on the first export,
// template command or review of a .docx only: client/src/exportDocx.ts's
// require('./client-export'), client/src/templates.ts's
// require('./client-templates') and client/src/docx.ts's
// require('./client-docx') stay requires of dist/client-export.js,
// dist/client-templates.js and dist/client-docx.js.
const clientLazyExternal = {
  name: 'client-lazy-external',
  setup(b) {
    b.onResolve({ filter: /^\.\/client-(export|templates|docx)$/ }, (args) =>
      dirname(args.importer) === join(root, 'client', 'src') ? { path: `${args.path}.js`, external: true } : undefined,
    );
  },
};

// The time dist/client.js starts running, for the activation timings (client/src/extension.ts).
const clientBanner = { js: '"use strict";\nglobalThis.__gongwenBundleStart = performance.now();' };

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'], banner: clientBanner, plugins: [jsonAsString, clientLazyExternal] }),
  build({ ...common, entryPoints: ['client/src/client-export.ts'], outfile: 'dist/client-export.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['client/src/client-templates.ts'], outfile: 'dist/client-templates.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['client/src/client-docx.ts'], outfile: 'dist/client-docx.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  // UTF-8 output: Chinese strings and the dictionary stay as they are, not \uXXXX escapes (smaller, faster to load)
  build({ ...common, entryPoints: ['server/src/cli-main.ts'], outfile: 'dist/cli.js', charset: 'utf8', plugins: [jsonAsString, cliExtraExternal] }),
  build({ ...common, entryPoints: ['server/src/cli-extra.ts'], outfile: 'dist/cli-extra.js', charset: 'utf8' }),
  // The detector's second thread, started by the CLI for large documents (server/src/engine/detector/parallel.ts)
  build({ ...common, entryPoints: ['server/src/detector-worker.ts'], outfile: 'dist/detector-worker.js', charset: 'utf8' }),
]);
