/* global process, console */
// Opens the example's server-rendered page in Chromium and checks that it hydrates without a warning or
// an error in the console, and that the viewer then works (rows load for the query from the URL).
// Run from the repository root (it uses the root's Playwright): node examples/next-app/hydration.mjs URL
import { chromium } from 'playwright';

const url = process.argv[2];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
});
const problems = [];
try {
  const page = await browser.newPage();
  page.on('console', (m) => {
    // The example has no favicon; a browser asks for one anyway.
    if (m.location().url.endsWith('/favicon.ico')) return;
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(url);
  const table = page.getByRole('table', { name: 'Audit logs' });
  await table.getByRole('row').nth(1).waitFor({ timeout: 20_000 });
  const search = await page.getByRole('searchbox', { name: 'Search' }).inputValue();
  if (search !== 'login') problems.push(`the search box holds "${search}", not the query from the URL`);
  // Give late hydration warnings a moment to arrive.
  await page.waitForTimeout(500);
} finally {
  await browser.close();
}
if (problems.length) {
  console.error(`Hydration problems:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('examples/next-app: hydrated without warnings; rows loaded for the query from the URL');
