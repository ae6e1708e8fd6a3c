/// <reference lib="dom" />
// The callbacks given to page.evaluate run in the browser.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../../src/paths';

export const SCREENSHOT_DIR = path.join(PROJECT_ROOT, 'docs', 'console');
export const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

/** Debian's chromium (`apt-get install chromium`), headless, nothing fetched from the network. */
export function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  if (!executablePath) throw new Error('chromium is not installed: apt-get install -y chromium (or set CHROMIUM_PATH)');
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Everything the page reports that a console must never do: script errors and CSP violations. */
export function watchPage(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    const text = msg.text();
    if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(text)) problems.push(`CSP: ${text}`);
  });
  return problems;
}

export interface AxeFinding {
  readonly id: string;
  readonly impact: string | null | undefined;
  readonly help: string;
  readonly targets: string[];
}

/** axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is; only serious and critical findings. */
export async function seriousAxeFindings(page: Page): Promise<AxeFinding[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/**
 * For one page of the console: the axe check and a full-page screenshot at 1280 px and at a
 * 390 px phone width (docs/console/<name>-<width>.png), and at the phone width no sideways
 * scrolling of the page itself (wide tables scroll inside their own region).
 */
export async function checkPage(page: Page, name: string): Promise<{ axe: Record<string, AxeFinding[]>; overflowPx: number }> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const axe: Record<string, AxeFinding[]> = {};
  let overflowPx = 0;
  for (const [label, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    await page.waitForTimeout(100);
    axe[label] = await seriousAxeFindings(page);
    if (label === 'phone') overflowPx = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${size.width}.png`), fullPage: true });
  }
  await page.setViewportSize(WIDTHS.desktop);
  return { axe, overflowPx };
}
