/**
 * Driving Debian's chromium for the HTML report test: a page opened from disk with every request but the
 * document refused and recorded, console errors (a CSP violation is one) recorded, and the checks every page
 * must pass (semantic tables, labelled controls, one script; a screenshot that shows something).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import * as assert from 'uvu/assert';
import { decodePng, inkOf } from '../../support/png.ts';

/** The system browser (no download): Debian's chromium unless CHROMIUM names another. */
export const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  return puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
}

export interface Opened {
  page: Page;
  /** Every request other than the document itself (each was refused). */
  requests: string[];
  /** Console errors (a CSP violation is one) and uncaught exceptions. */
  errors: string[];
}

export async function open(browser: Browser, file: string): Promise<Opened> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 1400 });
  const url = pathToFileURL(file).href;
  const requests: string[] = [];
  const errors: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    if (r.url() === url && r.isNavigationRequest()) void r.continue();
    else {
      requests.push(r.url());
      void r.abort();
    }
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests, errors };
}

export const visibleRows = (page: Page) => page.$$eval('#findings tbody tr', (rows) => rows.filter((r) => getComputedStyle(r).display !== 'none').length);

export async function choose(page: Page, filter: string, value: string): Promise<void> {
  await page.$eval(
    `select[data-filter="${filter}"]`,
    (s, v) => {
      (s as HTMLSelectElement).value = v;
      s.dispatchEvent(new Event('change', { bubbles: true }));
    },
    value,
  );
}

/** The screenshot, saved and decoded: a blank or single-colour page fails. */
export async function screenshot(page: Page, dir: string, name: string): Promise<void> {
  const file = join(dir, `${name}.png`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, type: 'png' });
  const ink = inkOf(decodePng(readFileSync(file)));
  assert.ok(ink.colours >= 8, `${name}: ${ink.colours} colours`);
  assert.ok(ink.inked > 0.02, `${name}: ${(ink.inked * 100).toFixed(1)}% of pixels not white`);
}

/** What every page must be: semantic tables, labelled controls, one script (the page's own). */
export async function accessible(page: Page): Promise<void> {
  const a = await page.evaluate(() => ({
    tablesWithoutCaption: [...document.querySelectorAll('table')].filter((t) => !t.caption).length,
    headsWithoutScope: [...document.querySelectorAll('thead th')].filter((th) => th.getAttribute('scope') !== 'col').length,
    unlabelled: [...document.querySelectorAll('select, input')].filter((c) => ((c as HTMLInputElement).labels?.length ?? 0) === 0).length,
    scripts: document.scripts.length,
    lang: document.documentElement.lang,
  }));
  assert.equal(a, { tablesWithoutCaption: 0, headsWithoutScope: 0, unlabelled: 0, scripts: 1, lang: 'en' });
}
