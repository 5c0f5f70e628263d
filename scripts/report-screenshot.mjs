// Takes the README's screenshot of the HTML report: runs the seed's countdown (examples/06_gil.py) with
// --report, opens the report in Chromium (playwright-core, as tests/report/browser.test.ts) and saves
// docs/images/report.png. Usage: npm run build && node scripts/report-screenshot.mjs [CHROMIUM]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'gilpy-shot-'));
const report = join(work, 'report.html');
const r = spawnSync(join(root, 'dist', 'gilpy'), [`--report=${report}`, '--switch-interval=2000',
  'examples/06_gil.py', '300000'], { encoding: 'utf8', cwd: root });
if (r.status !== 0) throw new Error(`the run failed: ${r.stderr}`);
const browser = await chromium.launch({ executablePath: process.argv[2] ?? '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`file://${report}`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.screenshot({ path: join(root, 'docs', 'images', 'report.png'), fullPage: false });
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
console.log('docs/images/report.png written');
