/** The HTML report of the seed's two-thread countdown, opened in headless Chromium (Debian's
 *  /usr/bin/chromium, driven by playwright-core): two lanes whose GIL intervals alternate, drawn without
 *  overlapping, and the statistics table. The page writes what it drew into data-* attributes; the test
 *  reads them. It takes a screenshot (docs/report.png, for the README, is rewritten with UPDATE_GOLDEN=1
 *  or when missing). Skipped, saying so, where Chromium is not installed (.ci/run installs it). */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { buildCli, gilpy, root } from '../support/cli.js';

/** Debian's Chromium; GILPY_CHROMIUM names another build of it. */
const CHROMIUM = process.env.GILPY_CHROMIUM ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  console.log(`SKIPPED: the HTML report's browser test needs Chromium at ${CHROMIUM}, which is missing (apt-get install -y chromium)`);
}

describe.skipIf(!haveChromium)('the HTML report in Chromium', () => {
  let work = '';
  let reportFile = '';
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'gilpy-report-'));
    reportFile = join(work, 'report.html');
    await buildCli();
    const r = gilpy(`--report=${reportFile}`, '--switch-interval=2000', '--clock=virtual', 'tests/report/seed_countdown.py');
    expect(r.status, r.stderr).toBe(0);
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(join(work, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (req) => { if (!req.url().startsWith('file://')) requests.push(req.url()); });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`file://${reportFile}`);
    await page.waitForSelector('body[data-ready="true"]');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (work !== '') rmSync(work, { recursive: true, force: true });
  });

  const lanes = async (): Promise<Record<string, string>[]> =>
    page.$$eval('.lane-label', (els) => els.map((e) => ({ ...(e as HTMLElement).dataset }) as Record<string, string>));

  it('shows a lane per thread, the two countdown threads with many turns each', async () => {
    const all = await lanes();
    expect(all.map((l) => l.name)).toEqual(['MainThread', 'Thread-1 (contagem_regressiva)', 'Thread-2 (contagem_regressiva)']);
    for (const l of all.slice(1)) {
      expect(Number(l.intervals)).toBeGreaterThan(10);
      expect(Number(l.forced)).toBeGreaterThan(10);
      expect(Number(l.drawn)).toBeGreaterThan(0);
    }
  });

  it('draws their GIL intervals alternating, never two at once', async () => {
    // zoom to the first ten turns after both threads have started
    const view = await page.evaluate(() => {
      const d = (window as any).gilpyReport.data;
      const turns: [number, number][] = [];
      for (const li of [1, 2]) d.lanes[li].held.start.forEach((s: number, i: number) => turns.push([s, d.lanes[li].held.end[i]]));
      turns.sort((a, b) => a[0] - b[0]);
      const both = Math.max(d.lanes[1].held.start[0], d.lanes[2].held.start[0]);
      const from = turns.findIndex((t) => t[0] >= both);
      const a = turns[from]![0], b = turns[from + 9]![1];
      (window as any).gilpyReport.setView(a - (b - a) * 0.01, b + (b - a) * 0.01);
      return [a, b];
    });
    expect(view[1]).toBeGreaterThan(view[0]);
    const drawn = JSON.parse((await page.getAttribute('#timeline', 'data-drawn'))!) as [number, number, number, number, string][];
    const turns = drawn.filter((d) => d[0] === 1 || d[0] === 2).sort((a, b) => a[1] - b[1]);
    expect(turns.length).toBeGreaterThanOrEqual(10);
    for (let i = 1; i < turns.length; i++) {
      expect(turns[i]![0], `turn ${i} is the other thread's`).not.toBe(turns[i - 1]![0]);
      expect(turns[i]![1], `turn ${i} starts after turn ${i - 1} ends`).toBeGreaterThanOrEqual(turns[i - 1]![2] - 0.01);
    }
    // nor does the main thread's turn (before it blocks in join()) overlap theirs: one holder at a time
    // (a turn shorter than a pixel is drawn a pixel wide: hence the pixel of slack)
    const held = drawn.filter((d) => d[2] > turns[0]![1] && d[1] < turns.at(-1)![2]).sort((a, b) => a[1] - b[1]);
    for (let i = 1; i < held.length; i++) expect(held[i]![1]).toBeGreaterThanOrEqual(held[i - 1]![2] - 1);
    const path = join(root, 'node_modules', '.cache', 'gilpy-report', 'report-zoomed.png');
    mkdirSync(join(root, 'node_modules', '.cache', 'gilpy-report'), { recursive: true });
    await page.screenshot({ path, fullPage: false });
  });

  it('shows the statistics table and the source with instruction counts; screenshot', async () => {
    await page.evaluate(() => (window as any).gilpyReport.setView(0, Infinity));
    const rows = await page.$$eval('#thread-stats tbody tr', (trs) => trs.map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(rows.map((r) => r[1])).toEqual(['MainThread', 'Thread-1 (contagem_regressiva)', 'Thread-2 (contagem_regressiva)']);
    for (const r of rows.slice(1)) {
      expect(Number(r[2]!.replace(/,/g, ''))).toBeGreaterThan(100_000 * 4); // instructions: the countdown of 100,000
      expect(Number(r[4]!.replace(/,/g, ''))).toBeGreaterThan(10); // forced switches
    }
    const loop = await page.getAttribute('#source tr[data-line="10"]', 'data-count');
    expect(Number(loop)).toBeGreaterThanOrEqual(200_000); // `n -= 1` ran 100,000 times in each thread
    expect(Number(await page.getAttribute('#heap-canvas', 'data-max-live'))).toBeGreaterThan(1000);
    const shot = join(root, 'node_modules', '.cache', 'gilpy-report', 'report.png');
    await page.screenshot({ path: shot, fullPage: true });
    const docs = join(root, 'docs', 'report.png');
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(docs)) await page.screenshot({ path: docs, fullPage: true });
  });
});
