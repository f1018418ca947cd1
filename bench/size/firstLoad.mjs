// The first-load budget, checked by `npm test`: what README's HTTP page (bench/size/page.tsx) fetches before it
// can show rows, with every dependency (React 19, React DOM, React Query, TanStack Table and Virtual), built
// for production by esbuild with code splitting, minified, each file gzipped. Parts that load on first use (the
// Add field and Add filter forms with their form library and zod, the export engine) are the chunks only
// reached through a dynamic `import()`: they count in the whole (size-limit's budget) but not here.
/* global console, process */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { pureSource } from './pureSource.cjs';

const LIMIT_KIB = 148;

const result = await build({
  entryPoints: ['bench/size/page.tsx'],
  bundle: true,
  minify: true,
  write: false,
  metafile: true,
  format: 'esm',
  splitting: true,
  outdir: 'size-out',
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: { '.css': 'empty' },
  logLevel: 'error',
  plugins: [pureSource],
});
const gzipped = new Map(result.outputFiles.map((file) => [file.path.slice(file.path.lastIndexOf('size-out/')), gzipSync(file.contents).length]));
const outputs = result.metafile.outputs;
// The page itself (each `import()` target is an entry point of its own in the metafile).
const entry = Object.keys(outputs).find((name) => outputs[name].entryPoint === 'bench/size/page.tsx');
// Files the entry reaches through static imports only: what loads before anything is used.
const first = new Set();
const stack = [entry];
while (stack.length) {
  const name = stack.pop();
  if (first.has(name)) continue;
  first.add(name);
  for (const imported of outputs[name].imports) if (imported.kind === 'import-statement') stack.push(imported.path);
}
const sum = (names) => names.reduce((total, name) => total + gzipped.get(name.slice(name.lastIndexOf('size-out/'))), 0) / 1024;
const firstKiB = sum([...first]);
const allKiB = sum(Object.keys(outputs));
console.log(`First load of README's HTTP page (everything it fetches before rows, gzipped): ${firstKiB.toFixed(1)} KiB (limit ${LIMIT_KIB} KiB)`);
console.log(`The same page with every part that loads on first use: ${allKiB.toFixed(1)} KiB in ${Object.keys(outputs).length} files`);
if (firstKiB > LIMIT_KIB) {
  console.error(`The first load grew past its budget of ${LIMIT_KIB} KiB.`);
  process.exit(1);
}
