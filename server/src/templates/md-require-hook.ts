// Lets `import text from '….md'` work when the sources run unbundled (tsx in
// tests, ts-node): the file's text becomes the module's export, as esbuild's
// text loader does in the bundle. Imported before the templates.

import { readFileSync } from 'node:fs';

declare const require: NodeJS.Require | undefined;

if (typeof require !== 'undefined' && require.extensions && !require.extensions['.md']) {
  require.extensions['.md'] = (module, filename) => {
    module.exports = readFileSync(filename, 'utf8');
  };
}
