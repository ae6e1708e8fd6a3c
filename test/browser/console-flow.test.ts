/// <reference lib="dom" />
// The callbacks given to page.evaluate run in the browser.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { checkPage, launchChromium, watchPage } from './support/browser';
import { startDevService, type DevService } from './support/dev-service';

/**
 * A procurement officer's whole task in a real browser, against `npm run dev`: browse the
 * catalogue, build a tender profile, submit three offers (by form, by the JSON template, by the
 * CSV template), see them ranked and open a printable report. Every page passes axe (no serious
 * or critical WCAG 2.1 AA violation), obeys the CSP, fits a 390 px phone, and is screenshotted
 * into docs/console/.
 */

let svc: DevService;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(async () => {
  [svc, browser] = await Promise.all([startDevService(), launchChromium()]);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, baseURL: svc.baseUrl });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: svc.baseUrl });
  page = await context.newPage();
  problems = watchPage(page);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await svc?.stop();
});

afterEach(() => expect(problems).toEqual([]));

async function check(name: string): Promise<void> {
  const { axe, overflowPx } = await checkPage(page, name);
  expect({ page: name, axe }).toEqual({ page: name, axe: { desktop: [], phone: [] } });
  expect({ page: name, overflowPx }).toEqual({ page: name, overflowPx: 0 });
}

const heading = () => page.getByRole('heading', { level: 1 });
const text = async (download: Download) => readFileSync(await download.path(), 'utf8');

describe('the web console, as a procurement officer uses it', () => {
  const tender = `CONSOLE-${Date.now()}`;
  let profileUrl = '';

  it('opens at /console with the four steps, and the keyboard starts at a skip link', async () => {
    await page.goto('/console');
    await expect(heading().textContent()).resolves.toContain('Buy ICT that lasts');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await check('home');
  });

  it('browses and filters the catalogue, and exports the selection as CSV and OCDS', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Criteria' }).click();
    await page.getByLabel('Criterion set').selectOption(svc.setId);
    // The list is first drawn for every set and then filtered: wait for the filtered count, and
    // match the name exactly (the full catalogue also has "Rechargeable battery endurance").
    await page.getByText('6 criteria match.', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Battery endurance', exact: true }).waitFor();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV (spreadsheet)' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    expect(await text(csv)).toContain(`${svc.setId}-BATTERY`);
    const [ocds] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'OCDS fragment (JSON)' }).click()]);
    expect(JSON.parse(await text(ocds)).tender.hasSustainability).toBe(true);
    await check('criteria');
  });

  it('shows a criterion with its rule in words, thresholds, source quotation, confidence and label presumption', async () => {
    await page.getByRole('link', { name: 'Battery endurance', exact: true }).click();
    await heading().filter({ hasText: 'Battery endurance' }).waitFor();
    const body = await page.locator('main').textContent();
    expect(body).toContain('battery.cyclesAt80pct is at least 500 cycles');
    expect(body).toContain('TCO_CERTIFIED version 10 or later');
    expect(body).toContain('The battery shall keep 80 % of its capacity after 500 cycles');
    expect(body).toContain('Verified against the source');
    await check('criterion');
  });

  it('builds a tender profile and shows the criteria it freezes and the tender text', async () => {
    await page.goto('/console#/profiles/new');
    await page.getByLabel('Tender reference').fill(tender);
    await page.getByLabel('Title').fill('Notebooks for the ministries');
    await page.getByLabel('Delivery date').fill('2027-03-01');
    await page.getByLabel('Country of delivery (two letters, e.g. SE)').fill('SE');
    const sets = page.getByRole('group', { name: 'Criterion sets' }).getByRole('checkbox');
    await sets.first().waitFor();
    for (const box of await sets.all()) await box.setChecked((await box.getAttribute('value')) === svc.setId);
    await page.getByLabel(`Years of warranty required (${svc.setId}-WARRANTY) (years)`).fill('3');
    await page.getByLabel(`Maximum points of ${svc.setId}-WARRANTY-AWARD`).fill('20');
    await check('profile-builder');
    await page.getByRole('button', { name: 'Create the tender profile' }).click();
    await heading().filter({ hasText: 'Notebooks for the ministries' }).waitFor();
    profileUrl = page.url();
    await expect(page.getByRole('heading', { name: 'Criteria frozen in this profile (6)' }).count()).resolves.toBe(1);
    const tenderText = await page.getByRole('textbox', { name: 'Tender text' }).inputValue();
    expect(tenderText).toContain('Technical specifications (mandatory)');
    expect(tenderText).toContain('Requirement: lifetime.warrantyYears is at least 3 (set by the buyer)');
    await page.getByRole('button', { name: 'Copy the tender text' }).click();
    await page.getByText('Copied to the clipboard.').waitFor();
    await check('profile');
  });

  it('assesses an offer entered in the form', async () => {
    await page.getByRole('link', { name: 'Submit offers for this tender' }).click();
    await page.getByRole('heading', { name: 'Enter the offer' }).waitFor();
    await page.getByLabel('Supplier name').fill('Acme Computers');
    await page.getByLabel('Offer id').fill('ACME-1');
    await page.getByLabel('Manufacturer').fill('Acme');
    await page.getByLabel('Model').fill('X1');
    await page.getByLabel('battery.hasBattery', { exact: true }).selectOption('true');
    await page.getByLabel('battery.cyclesAt80pct', { exact: true }).fill('800');
    await page.getByLabel('lifetime.warrantyYears', { exact: true }).fill('5');
    await page.getByLabel('We take the devices back at end of use.').selectOption('true');
    await page.getByRole('button', { name: 'Add an evidence document' }).click();
    await page.getByLabel('Kind').selectOption('test_report');
    await page.getByLabel('Reference').fill('Lab report 42');
    await page.getByLabel('Criterion ids or properties it covers (comma-separated)').fill('battery.cyclesAt80pct');
    await check('offers');
    await page.getByRole('button', { name: 'Assess this offer' }).click();
    await heading().filter({ hasText: 'Acme Computers' }).waitFor();
    const body = await page.locator('main').textContent();
    expect(body).toContain('Verdict: Compliant');
    expect(body).toContain('Award: 20 of 20 points (100 %)');
    expect(body).toContain('evidenced');
  });

  it('assesses an offer uploaded as the filled-in JSON template: a pass pending verification', async () => {
    await page.goto(`/console#/offers?profile=${profileUrl.split('/').pop()}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the JSON template' }).click()]);
    const offer = JSON.parse(await text(download));
    expect(offer.items[0].battery).toEqual({ cyclesAt80pct: null, hasBattery: null, usedBatterySohPct: null, userReplaceable: null });
    offer.id = 'BRAVO-1';
    offer.supplier.name = 'Bravo Devices';
    Object.assign(offer.items[0], { manufacturer: 'Bravo', model: 'B2' });
    Object.assign(offer.items[0].battery, { hasBattery: true, cyclesAt80pct: 600 });
    offer.items[0].lifetime.warrantyYears = 4;
    offer.items[0].declarations['take-back'] = true;
    await page.getByLabel('Offer file (JSON or CSV)').setInputFiles({ name: 'bravo.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(offer)) });
    await page.getByRole('button', { name: 'Assess the uploaded offer' }).click();
    await heading().filter({ hasText: 'Bravo Devices' }).waitFor();
    const body = await page.locator('main').textContent();
    expect(body).toContain('Verdict: Compliant');
    expect(body).toContain('pending verification: obtain test report, ecolabel certificate');
    expect(body).toContain('To verify before award');
    await check('assessment');
  });

  it('assesses an offer uploaded as the filled-in CSV template: not compliant', async () => {
    await page.goto(`/console#/offers?profile=${profileUrl.split('/').pop()}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the CSV template' }).click()]);
    const [header] = (await text(download)).split('\r\n');
    const columns = header!.split(',');
    const values: Record<string, string> = { 'offer.id': 'CHARLIE-1', 'supplier.name': 'Charlie Ltd', category: 'notebook', manufacturer: 'Charlie', model: 'C3', quantity: '10', 'battery.hasBattery': 'yes', 'battery.cyclesAt80pct': '200', 'lifetime.warrantyYears': '3', 'declarations.take-back': 'yes' };
    const csv = `${header}\r\n${columns.map((c) => values[c] ?? '').join(',')}\r\n`;
    await page.getByLabel('Offer file (JSON or CSV)').setInputFiles({ name: 'charlie.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Assess the uploaded offer' }).click();
    await heading().filter({ hasText: 'Charlie Ltd' }).waitFor();
    await expect(page.locator('main').textContent()).resolves.toContain('Verdict: Not compliant');
  });

  it('ranks the three offers with reasons and opens the printable report', async () => {
    await page.getByRole('link', { name: 'Ranking of the tender' }).click();
    await page.getByRole('heading', { name: tender }).waitFor();
    const rows = page.locator('table tbody tr');
    await expect(rows.count()).resolves.toBe(3);
    const suppliers = await rows.locator('td:nth-child(2)').allTextContents();
    expect(suppliers.map((s) => s.split(/[A-Z]+-1$/)[0])).toEqual(['Acme Computers', 'Bravo Devices', 'Charlie Ltd']);
    // Every offer affirms the take-back clause, which only a contract document proves; Bravo's
    // battery endurance rests on its declaration as well.
    await expect(rows.locator('td:nth-child(5)').allTextContents()).resolves.toEqual(['1', '2', '1']);
    await check('ranking');
    const [report] = await Promise.all([context.waitForEvent('page'), rows.first().getByRole('link', { name: 'Printable report' }).click()]);
    await report.waitForLoadState();
    await expect(report.locator('h1').textContent()).resolves.toBe('Sustainability compliance assessment');
    await expect(report.locator('body').textContent()).resolves.toContain('Acme Computers');
    await report.close();
  });

  it('keeps credentials in memory only', async () => {
    await page.getByRole('button', { name: /^Access:/ }).click();
    await page.getByLabel('How to authenticate').selectOption('bearer');
    await page.getByLabel('Token or key').fill('header.payload.signature');
    await check('access');
    await page.getByRole('button', { name: 'Use these credentials' }).click();
    await page.getByRole('button', { name: 'Access: Bearer token in use' }).waitFor();
    const stored = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie }));
    expect(stored).toEqual({ local: 0, session: 0, cookie: '' });
    await page.reload();
    await page.getByRole('button', { name: 'Access: No credentials' }).waitFor();
  });
});
