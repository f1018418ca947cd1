// The first-load budget, checked by `npm test`: what README's HTTP page (bench/size/page.tsx) fetches before it
// can show rows, with every dependency (React 19, React DOM, React Query, TanStack Table and Virtual), built
// for production with code splitting, minified, each file gzipped. Parts that load on first use (the Add field
// and Add filter forms with their form library and zod, the export engine) are the files only reached through a
// dynamic `import()`: they count in the whole (size-limit's budget) but not here.
// Two builders: Vite 8 (Rolldown), as a Vite host builds the page, and esbuild, which puts every module shared
// between the page and a part loaded on first use in a file of its own (20 small files, each gzipped apart:
// about 4.6 KiB more than the same bytes in one file). The stylesheet (styles.css, about 6 KiB) is not counted.
/* global console, process */
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pureSource } from './pureSource.cjs';

const VITE_LIMIT_KIB = 135;
// 144 until a fast scroll's jumps asked for pages at most every 100 ms (144.03 KiB with it; 133.81 by Vite).
const ESBUILD_LIMIT_KIB = 144.2;
const PAGE = 'bench/size/page.tsx';

/** Files reached from `entry` through static imports only: what loads before anything is used. */
function staticClosure(entry, importsOf) {
  const seen = new Set();
  const stack = [entry];
  while (stack.length) {
    const name = stack.pop();
    if (seen.has(name)) continue;
    seen.add(name);
    stack.push(...importsOf(name));
  }
  return seen;
}
const kib = (bytes) => bytes / 1024;
const total = (sizes) => kib(sizes.reduce((sum, size) => sum + size, 0));

async function esbuildFigures() {
  const result = await build({
    entryPoints: [PAGE],
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
  const entry = Object.keys(outputs).find((name) => outputs[name].entryPoint === PAGE);
  const first = staticClosure(entry, (name) => outputs[name].imports.filter((i) => i.kind === 'import-statement').map((i) => i.path));
  const size = (name) => gzipped.get(name.slice(name.lastIndexOf('size-out/')));
  return { first: total([...first].map(size)), firstFiles: first.size, all: total(Object.keys(outputs).map(size)), files: Object.keys(outputs).length };
}

async function viteFigures() {
  const outDir = mkdtempSync(join(tmpdir(), 'ral-size-'));
  try {
    // No config file: the library build's settings are not a page's. Our package.json's "sideEffects" holds
    // for our modules here as it does in the published package.
    await viteBuild({
      configFile: false,
      root: process.cwd(),
      logLevel: 'error',
      define: { 'process.env.NODE_ENV': '"production"' },
      build: { outDir, emptyOutDir: true, manifest: true, modulePreload: false, rolldownOptions: { input: PAGE } },
    });
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'));
    const size = (key) => gzipSync(readFileSync(join(outDir, manifest[key].file))).length;
    const first = staticClosure(PAGE, (key) => manifest[key].imports ?? []);
    const scripts = Object.keys(manifest).filter((key) => manifest[key].file.endsWith('.js'));
    return { first: total([...first].map(size)), firstFiles: first.size, all: total(scripts.map(size)), files: scripts.length };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const figures = [
  ['Vite 8', await viteFigures(), VITE_LIMIT_KIB],
  ['esbuild', await esbuildFigures(), ESBUILD_LIMIT_KIB],
];
let over = false;
for (const [builder, { first, firstFiles, all, files }, limit] of figures) {
  console.log(
    `${builder}: first load of README's HTTP page (before rows, gzipped) ${first.toFixed(1)} KiB in ${firstFiles} files (limit ${limit} KiB); ` +
      `with every part that loads on first use ${all.toFixed(1)} KiB in ${files} files`,
  );
  if (first > limit) {
    console.error(`The first load built by ${builder} grew past its budget of ${limit} KiB.`);
    over = true;
  }
}
if (over) process.exit(1);
