import { writeFileSync } from 'node:fs';
import { expect, signIn, test } from '../e2e/fixtures';

/**
 * `./vf bench`'s web line: how fast the home screen is usable in Chromium on the local stack, and how much
 * JavaScript the first load carries. A member signs in once; each of the measured loads is then a full page
 * load as after a reload: the app boots, signs in silently (the provider's session cookie, no form), and asks
 * the services for the four home cards. Written to VF_BENCH_OUT (JSON) for the bench table.
 */
const LOADS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

test('home screen: largest contentful paint and time to usable', async ({
  page,
  member,
  request,
}) => {
  test.skip(test.info().project.name !== 'desktop', 'measured at desktop width');
  await signIn(page, member);
  await expect(page.getByRole('heading', { name: 'What to do next' })).toBeVisible();

  const lcp: number[] = [];
  const usable: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'What to do next' })).toBeVisible();
    // Every card has answered (no loading state left): the screen is usable.
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    const timing = await page.evaluate(
      () =>
        new Promise<{ lcp: number; now: number }>((resolve) => {
          new PerformanceObserver((list) => {
            const entries = list.getEntries();
            resolve({ lcp: entries.at(-1)?.startTime ?? Number.NaN, now: performance.now() });
          }).observe({ type: 'largest-contentful-paint', buffered: true });
        }),
    );
    lcp.push(timing.lcp);
    usable.push(timing.now);
  }

  // The initial JavaScript as it goes over the wire (gzip): the scripts index.html loads, and their static imports.
  const html = await (await request.get('/')).text();
  const scripts = [
    ...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="(\/assets\/[^"]+\.js)"/g),
  ].map((m) => m[1] ?? '');
  let gzipBytes = 0;
  for (const path of scripts) {
    const response = await request.get(path, { headers: { 'Accept-Encoding': 'gzip' } });
    gzipBytes += Number(
      (await response.headersArray()).find((h) => h.name.toLowerCase() === 'content-length')
        ?.value ?? (await response.body()).length,
    );
  }

  const result = {
    loads: LOADS,
    lcp_ms_median: Math.round(median(lcp)),
    usable_ms_median: Math.round(median(usable)),
    lcp_ms: lcp.map(Math.round),
    initial_js_gzip_bytes: gzipBytes,
    initial_js_files: scripts.length,
  };
  console.log(JSON.stringify(result));
  if (process.env.VF_BENCH_OUT)
    writeFileSync(process.env.VF_BENCH_OUT, JSON.stringify(result) + '\n');
});
