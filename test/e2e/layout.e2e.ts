/**
 * Layout at common laptop and desktop widths, on the bundled photos scenario (the widest request path
 * and a dualstack load balancer) in web mode in Chromium:
 *   - the load balancer list shows "photos-alb" and its IPv6 badge whole (no ellipsis);
 *   - every node of the Overview's request-path map lies inside the map's visible area (a wider path
 *     scrolls sideways, the last resort: the map keeps overflow-x auto).
 * Screenshots in test-results/layout-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, launchChromium, screenshotPath, startWebMode, type WebMode } from './support/web-mode';

const WIDTHS = [1280, 1440, 1920] as const;

let web: WebMode;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  web = await startWebMode(['--scenario', 'photos']);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  errors = collectPageErrors(page);
  await page.addInitScript(`localStorage.setItem('flightdeck.locale', 'en'); localStorage.setItem('flightdeck.theme', 'light');`);
  await page.goto(web.url);
  await page.getByTestId('mode-indicator').waitFor({ timeout: 120_000 });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
}, 120_000);

/** Whether an element's text is clipped: its content is wider than its box. */
const clipped = (selector: string) =>
  page.locator(selector).evaluateAll((elements) => elements.filter((el) => el.scrollWidth > el.clientWidth).map((el) => `${el.textContent?.trim()} (${el.scrollWidth} > ${el.clientWidth})`));

describe('layout on the photos scenario', () => {
  for (const width of WIDTHS) {
    it(`at ${width} px the load balancer list shows photos-alb and its IPv6 badge whole`, async () => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${web.url}#/load-balancers?lb=photos-alb`);
      const row = page.locator('[data-testid="lb-list-row"][data-name="photos-alb"]');
      await row.waitFor({ timeout: 60_000 });
      await row.getByTestId('lb-list-ip-type').waitFor();
      await page.screenshot({ path: screenshotPath(`layout-lb-list-${width}`) });
      expect(await clipped('[data-testid="lb-list-row"][data-name="photos-alb"] [data-testid="lb-list-name"]')).toEqual([]);
      expect(await clipped('[data-testid="lb-list-row"][data-name="photos-alb"] [data-testid="lb-list-ip-type"]')).toEqual([]);
      expect(await row.getByTestId('lb-list-name').textContent()).toBe('photos-alb');
      // A really long name may end in an ellipsis: the whole name is on hover.
      expect(await row.getByTestId('lb-list-name').getAttribute('title')).toBe('photos-alb');
      // Header buttons report no scroll overflow: compare the laid-out text with the button's content box.
      const headerCells = page.locator('[data-testid="lb-master-detail"] [role="columnheader"]');
      expect(await headerCells.count()).toBe(4);
      const headers = await headerCells.evaluateAll((buttons) =>
        buttons.flatMap((button) => {
          const range = button.ownerDocument.createRange();
          range.selectNodeContents(button);
          const style = button.ownerDocument.defaultView!.getComputedStyle(button);
          // Fractional widths: Chromium cuts the text with an ellipsis as soon as it is a fraction wider.
          const room = button.getBoundingClientRect().width - ['paddingLeft', 'paddingRight', 'borderLeftWidth', 'borderRightWidth'].reduce((sum, key) => sum + parseFloat(style.getPropertyValue(key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`))), 0);
          const text = range.getBoundingClientRect().width;
          return text > room + 0.01 ? [`${button.textContent?.trim()} (${text} > ${room})`] : [];
        }),
      );
      expect(headers).toEqual([]);
    }, 120_000);

    it(`at ${width} px every request-path node can be seen on the Overview`, async () => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${web.url}#/overview`);
      const map = page.getByTestId('request-path');
      await page.locator('[data-testid="path-node"][data-kind="dbInstance"]').first().waitFor({ timeout: 60_000 });
      await map.scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`layout-request-path-${width}`) });
      const geometry = await map.evaluate((el) => {
        const box = el.getBoundingClientRect();
        // No DOM lib in the node typecheck: reach the window through the element.
        const view = el.ownerDocument.defaultView!;
        const style = view.getComputedStyle(el);
        return {
          box: { left: box.left, right: box.right, top: box.top, bottom: box.bottom },
          clientWidth: el.clientWidth,
          scrollWidth: el.scrollWidth,
          scrollsSideways: style.overflowX === 'auto' || style.overflowX === 'scroll',
          // Nodes relative to the map's content (scroll offset removed), so off-screen ones count by where they sit.
          nodes: [...el.querySelectorAll('[data-testid="path-node"]')].map((node) => {
            const r = node.getBoundingClientRect();
            return { label: node.getAttribute('data-label') ?? node.getAttribute('data-kind') ?? '', left: r.left - box.left + el.scrollLeft, right: r.right - box.left + el.scrollLeft, top: r.top - box.top, bottom: r.bottom - box.top };
          }),
          // Each ancestor up to the page: it must not clip the map (its box within theirs).
          clippedBy: (() => {
            const out: string[] = [];
            for (let parent = el.parentElement; parent && parent !== el.ownerDocument.body; parent = parent.parentElement) {
              const p = parent.getBoundingClientRect();
              if (view.getComputedStyle(parent).overflowX !== 'visible' && box.right > p.right + 0.5) out.push(`${parent.className} (${box.right} > ${p.right})`);
            }
            return out;
          })(),
        };
      });
      const kinds = await page.getByTestId('path-node').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-kind')));
      expect(kinds).toContain('record');
      expect(kinds).toContain('dbInstance');
      expect(geometry.clippedBy).toEqual([]);
      // photos has seven columns: at 1280 px and up they fit the panel, so no node needs the scrollbar
      // (headless Chromium hides scrollbars, which is how the operator's screenshot lost the RDS column).
      const height = geometry.box.bottom - geometry.box.top;
      const outside = geometry.nodes.filter((n) => n.left < -0.5 || n.right > geometry.clientWidth + 0.5 || n.top < -0.5 || n.bottom > height + 0.5).map((n) => n.label);
      expect(outside).toEqual([]);
      expect(geometry.scrollWidth).toBeLessThanOrEqual(geometry.clientWidth);
      expect(geometry.scrollsSideways).toBe(true);
      // Reported in the test output: whether this width needs the scrollbar at all.
      console.log(`request path at ${width}px: ${geometry.nodes.length} nodes, content ${geometry.scrollWidth}px in ${geometry.clientWidth}px`);
    }, 120_000);
  }

  it('logged no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
