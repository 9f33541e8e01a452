// Template files are bundled as text (esbuild loader `{'.md': 'text'}`);
// under Node and tsx, md-require-hook.ts reads them from disk.
declare module '*.md' {
  const text: string;
  export default text;
}
