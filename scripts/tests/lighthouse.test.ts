import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from '../lib/browser';
import {
  categories,
  type LighthouseReport,
  measuredTwiceAtMost,
  type PageResult,
  runLighthouse,
} from '../lib/lighthouse';
import { choosePages, pageTypes } from '../lib/lighthousePages';
import { performanceCell, writeReport } from '../lib/lighthouseReport';

const hasChromium = fs.existsSync(chromiumPath);

function page(lang: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="A tiny fixture page for the Lighthouse script's test.">
<link rel="icon" href="data:,">
</head>
<body><main><h1>${title}</h1>${body}</main></body>
</html>
`;
}

describe('page discovery', () => {
  it('takes the first file of each type and names the types it lacks', () => {
    const files = [
      '404.html',
      'en/index.html',
      'en/works/b/index.html',
      'en/works/a/index.html',
      'en/browse/material/silver/index.html',
      'index.html',
    ]
      .slice()
      .sort();
    const { pages, missing } = choosePages(files, pageTypes);
    expect(pages).toEqual([
      { type: 'language chooser', path: '/', notFound: false },
      { type: 'home', path: '/en/', notFound: false },
      { type: 'work', path: '/en/works/a/', notFound: false },
      { type: 'browse, shared selection', path: '/en/browse/?material=silver', notFound: false },
      { type: 'not found', path: '/en/no-such-page/', notFound: true },
    ]);
    expect(missing).toContain('work (kk)');
    expect(missing).not.toContain('work');
  });
});

describe.skipIf(!hasChromium)(`Lighthouse on a fixture site (skipped without ${chromiumPath})`, () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'oyu-lighthouse-'));
  const site = path.join(root, 'site');
  let report: LighthouseReport;

  beforeAll(async () => {
    fs.mkdirSync(path.join(site, 'en'), { recursive: true });
    fs.writeFileSync(path.join(site, 'index.html'), page('en', 'Oyu', '<p><a href="/en/">English</a></p>'));
    fs.writeFileSync(path.join(site, 'en', 'index.html'), page('en', 'Oyu: home', '<p>Works.</p>'));
    fs.writeFileSync(path.join(site, '404.html'), page('en', 'Not found', '<p>No such page.</p>'));
    fs.writeFileSync(path.join(site, 'robots.txt'), 'User-agent: *\nAllow: /\n');
    // Two runs: the figures are the median run's, and both runs' scores are kept.
    report = await runLighthouse({
      siteDir: site,
      types: [{ name: 'home', route: 'home', params: { lang: 'en' } }],
      runs: 2,
    });
  }, 60_000);

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('scores the page in all four categories', () => {
    expect(report.pages).toHaveLength(1);
    const [result] = report.pages;
    expect(result?.error).toBeUndefined();
    for (const category of categories) {
      expect(result?.scores[category], category).toBeGreaterThanOrEqual(0);
      expect(result?.scores[category], category).toBeLessThanOrEqual(100);
    }
    expect(result?.totalBytes).toBeGreaterThan(0);
    expect(report.machine.lighthouse).toMatch(/^\d+\.\d+\.\d+/);
    expect(result?.runs).toBe(2);
    expect(result?.performanceScores).toHaveLength(2);
    const [low = -1, high = -1] = result?.performanceScores ?? [];
    expect(low).toBeLessThanOrEqual(high);
    expect(result?.performanceScores).toContain(result?.scores.performance);
  });

  it('writes the JSON and the Markdown table', async () => {
    const files = {
      json: path.join(root, 'out', 'lighthouse.json'),
      markdown: path.join(root, 'docs', 'lh.md'),
    };
    await writeReport(report, files);
    const markdown = fs.readFileSync(files.markdown, 'utf8');
    expect(markdown).toMatch(/\| home +\| `\/en\/` +\|/);
    expect(markdown).toContain('## Machine');
    expect(markdown).toContain('Each page was measured 2 times');
    expect(JSON.parse(fs.readFileSync(files.json, 'utf8')).pages).toHaveLength(1);
  });

  it('refuses a folder without a built site', async () => {
    await expect(runLighthouse({ siteDir: path.join(root, 'nothing') })).rejects.toThrow(/No built site/);
  });
});

describe('a Lighthouse run that could not finish', () => {
  const result = (error?: string): PageResult => ({
    type: 'editions',
    url: 'http://127.0.0.1/en/editions/',
    finalUrl: 'http://127.0.0.1/en/editions/',
    scores: { performance: error ? null : 100, accessibility: 100, 'best-practices': 100, seo: 100 },
    lcpMs: error ? null : 800,
    cls: 0,
    tbtMs: 0,
    totalBytes: 9915,
    scriptBytes: 0,
    bytesByType: null,
    failing: [],
    ...(error ? { error } : {}),
    runs: error ? 0 : 1,
    performanceScores: error ? [] : [100],
    warnings: [],
    seconds: 6,
  });
  const runs = (...outcomes: (string | undefined)[]) => {
    let calls = 0;
    const measure = async () => result(outcomes[calls++]);
    return { measure, calls: () => calls };
  };

  it('is measured once more, and the report says the first attempt failed', async () => {
    const flaky = runs('NO_NAVSTART: Please run Lighthouse again.', undefined);
    const page = await measuredTwiceAtMost(flaky.measure);
    expect(flaky.calls()).toBe(2);
    expect(page.error).toBeUndefined();
    expect(page.scores.performance).toBe(100);
    expect(page.seconds).toBe(12);
    expect(page.warnings).toEqual([
      'Measured on a second attempt: the first stopped with NO_NAVSTART: Please run Lighthouse again.',
    ]);
  });

  it('shows the spread of the performance score over the runs', () => {
    expect(performanceCell({ ...result(), performanceScores: [98, 99, 100] })).toBe('100 (98–100)');
    expect(performanceCell({ ...result(), performanceScores: [100, 100, 100] })).toBe('100');
    expect(performanceCell(result('NO_FCP: none'))).toBe('–');
  });

  it('is measured once when the first run finishes, and keeps a second failure', async () => {
    const fine = runs(undefined);
    expect((await measuredTwiceAtMost(fine.measure)).scores.performance).toBe(100);
    expect(fine.calls()).toBe(1);
    const broken = runs('NO_FCP: first', 'NO_FCP: second');
    const page = await measuredTwiceAtMost(broken.measure);
    expect(broken.calls()).toBe(2);
    expect(page.error).toBe('NO_FCP: second');
    expect(page.scores.performance).toBeNull();
  });
});
