/**
 * Typechecks every `ts` and `tsx` code block of README.md against the source, the way a user's TypeScript 6
 * project would see the package (its entries by name, `noUncheckedSideEffectImports` on, so the stylesheet
 * import needs the declaration the package ships). Each block must stand alone: what it uses, it imports or
 * declares in plain sight. Run by `npm run typecheck` (so by `npm test`).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'node_modules/.cache/readme-snippets');
const lines = readFileSync(path.join(root, 'README.md'), 'utf8').split('\n');

const snippets: { file: string; line: number }[] = [];
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (let i = 0; i < lines.length; i++) {
  const open = /^```(ts|tsx)\s*$/.exec(lines[i]!);
  if (!open) continue;
  const start = i + 1;
  let end = start;
  while (end < lines.length && lines[end] !== '```') end++;
  const file = `readme-line-${start}.${open[1]}`;
  writeFileSync(path.join(out, file), `${lines.slice(start, end).join('\n')}\n`);
  snippets.push({ file, line: start });
  i = end;
}

const entry = (p: string) => [path.join(root, p)];
writeFileSync(
  path.join(out, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      module: 'ESNext',
      moduleResolution: 'bundler',
      moduleDetection: 'force',
      jsx: 'react-jsx',
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      noUncheckedSideEffectImports: true,
      allowImportingTsExtensions: true,
      types: ['node'],
      paths: {
        'react-audit-logs': entry('src/index.ts'),
        'react-audit-logs/mock': entry('src/mock/index.ts'),
        'react-audit-logs/mock/server': entry('src/mock/server/node.ts'),
        'react-audit-logs/testing': entry('src/testing/index.ts'),
        'react-audit-logs/server': entry('src/server/index.ts'),
        'react-audit-logs/styles.css': entry('src/styles/styles.css.d.ts'),
      },
    },
    files: snippets.map((s) => s.file),
  }),
);

try {
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', out, '--pretty', 'false'], {
    encoding: 'utf8',
    stdio: 'pipe',
  });
  console.log(`README: ${snippets.length} TypeScript snippets typecheck.`);
} catch (error) {
  const output = String((error as { stdout?: string }).stdout ?? error);
  // Errors point at README.md lines, not at the generated files.
  const readable = output.replaceAll(`${path.relative(root, out)}/`, '').replace(/readme-line-(\d+)\.tsx?\((\d+),(\d+)\)/g, (_, start: string, row: string, col: string) => {
    return `README.md:${Number(start) + Number(row)}:${col}`;
  });
  console.error(`README snippets do not typecheck:\n${readable}`);
  process.exit(1);
}
