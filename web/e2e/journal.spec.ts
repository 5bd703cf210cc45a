import type { Locator, Page } from '@playwright/test';
import { callApi, memberToken } from './api';
import { checkScreen, expect, signIn, test } from './fixtures';
import { png, uploadAsMember } from './media';

// A fake microphone (a tone) that needs no permission prompt: the voice recording is real.
test.use({
  launchOptions: {
    executablePath: process.env.VF_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
  },
  permissions: ['microphone'],
});

/** Whether the browser really decoded the picture (not a broken image). */
async function expectLoaded(image: Locator) {
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
}

/**
 * Whether the recording plays: the element loads its metadata from the API's link (a WebM from
 * MediaRecorder may report an Infinity duration until read to the end), and the link gives audio.
 */
async function expectPlayable(page: Page, audio: Locator) {
  const src = (await audio.getAttribute('src')) ?? '';
  expect(src).toMatch(/^https?:\/\//);
  await expect
    .poll(() =>
      audio.evaluate((element: HTMLAudioElement) => ({
        ready: element.readyState >= 1,
        duration: element.duration > 0,
        error: element.error?.code ?? 0,
      })),
    )
    .toEqual({ ready: true, duration: true, error: 0 });
  const bytes = await page.request.get(src);
  expect(bytes.ok()).toBe(true);
  expect(bytes.headers()['content-type']).toMatch(/^audio\/webm/);
  expect((await bytes.body()).length).toBeGreaterThan(1000);
}

function today(): string {
  const now = new Date();
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

const entry = (page: Page, name: string) => page.getByRole('article', { name });

test('a member writes entries with a photo and a voice recording, searches and filters them', async ({
  page,
  member,
}) => {
  test.skip(test.info().project.name !== 'desktop', 'the whole journey runs at desktop width');
  test.setTimeout(120_000);

  await signIn(page, member);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Journal' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your journal' })).toBeVisible();
  const streak = page.getByRole('region', { name: 'Your streak' });
  await expect(streak).toContainText('Write your first entry to start a streak.');
  await expect(page.getByText('Nothing written yet.')).toBeVisible();

  // An entry with a photo and a voice recording.
  await page.getByRole('link', { name: 'Write an entry' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Write an entry' })).toBeVisible();
  await expect(page.getByLabel('Date')).toHaveValue(today());
  await page.getByLabel('Title').fill('Morning by the river');
  await page.getByLabel('Your entry').fill('I watched a heron fishing in the shallows.');
  await page.getByLabel('Health & Vitality').check();

  await page.getByLabel('Add a photo').setInputFiles({
    name: 'river.png',
    mimeType: 'image/png',
    buffer: png(40, 30, [47, 111, 94]),
  });
  await expect(page.getByRole('progressbar', { name: 'Uploading the photo' })).toHaveAttribute(
    'value',
    '100',
  );
  await expect(page.getByRole('status').filter({ hasText: 'Upload complete.' })).toBeVisible();
  await expectLoaded(page.getByRole('img', { name: 'Photo 1' }));

  await page.getByRole('button', { name: 'Record your voice' }).click();
  const stop = page.getByRole('button', { name: 'Stop recording' });
  await expect(stop).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Recording… 0:0[12]/ })).toBeVisible();
  await page.waitForTimeout(2200);
  await stop.click();
  await expect(
    page.getByRole('status').filter({ hasText: /Recording added \(0:0[234]\)/ }),
  ).toBeVisible();
  const voice = page.getByRole('region', { name: 'Voice recordings' });
  await expect(voice.getByText(/^Recording 1 · 0:0[234]/)).toBeVisible();
  await expect(voice.getByRole('button', { name: 'Record another' })).toBeEnabled();
  await checkScreen(page, 'journal-editor');
  await page.getByRole('button', { name: 'Save entry' }).click();

  await expect(page).toHaveURL(/\/journal$/);
  await expect(page.getByRole('status').filter({ hasText: 'Your entry is saved.' })).toBeVisible();
  const river = entry(page, 'Morning by the river');
  await expect(river).toContainText('I watched a heron fishing in the shallows.');
  await expect(river).toContainText('Health & Vitality');
  const photo = river.getByRole('img', { name: 'Photo 1 of “Morning by the river”' });
  await expectLoaded(photo);
  expect(await photo.getAttribute('src')).toMatch(/^https?:\/\//);
  await expect(river).toContainText(/Recording 1 · 0:0[234]/);
  await expectPlayable(page, river.locator('audio'));
  // ./vf up sets up no transcription service: the recording says so instead of waiting for ever.
  await expect(
    river
      .getByRole('status')
      .filter({ hasText: 'No transcript: no transcription service is set up' }),
  ).toBeVisible();
  await expect(streak).toContainText('1 day in a row');
  await expect(streak).toContainText('Longest streak: 1 day · 1 entry in all');

  // A second entry, no media.
  await page.getByRole('link', { name: 'Write an entry' }).click();
  await page.getByLabel('Title').fill('Flying a kite');
  await page.getByLabel('Your entry').fill('The red kite danced over the hill all afternoon.');
  await page.getByLabel('Fun & Recreation').check();
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(entry(page, 'Flying a kite')).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(2);
  await expect(streak).toContainText('2 entries in all');
  await expect(streak).toContainText('1 day in a row');

  // Full-text search, then a life-area filter.
  const search = page.getByRole('search', { name: 'Search your journal' });
  await search.getByLabel('Search').fill('heron');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('Entries matching “heron”, best match first.')).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(river).toBeVisible();
  await search.getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByRole('article')).toHaveCount(2);
  await search.getByLabel('Life area').selectOption('fun');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(entry(page, 'Flying a kite')).toBeVisible();
  await search.getByLabel('Search').fill('heron');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('No entry matches this search.')).toBeVisible();
  await search.getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByRole('article')).toHaveCount(2);
  await checkScreen(page, 'journal');

  // Remove the recording from the entry.
  await river.getByRole('link', { name: 'Open “Morning by the river”' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your entry' })).toBeVisible();
  await expect(page.getByLabel('Your entry')).toHaveValue(
    'I watched a heron fishing in the shallows.',
  );
  await expectLoaded(page.getByRole('img', { name: 'Photo 1' }));
  await expectPlayable(page, voice.locator('audio'));
  await voice.getByRole('button', { name: 'Remove recording 1' }).click();
  const removeDialog = page.getByRole('dialog', { name: 'Remove this recording?' });
  await removeDialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(removeDialog).toBeHidden();
  await expect(voice.locator('audio')).toHaveCount(0);
  await expect(voice).toContainText('Say it out loud');
  await page.getByRole('link', { name: 'Back to the journal' }).click();
  await expect(river.locator('audio')).toHaveCount(0);
  await expectLoaded(river.getByRole('img', { name: 'Photo 1 of “Morning by the river”' }));

  // Delete the other entry, after confirming.
  await entry(page, 'Flying a kite')
    .getByRole('button', { name: 'Delete “Flying a kite”' })
    .click();
  const confirm = page.getByRole('dialog', { name: 'Delete this entry?' });
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(streak).toContainText('1 entry in all');
  const token = await memberToken(member);
  const left = await callApi<{ items: { title: string; audio_recordings: unknown[] }[] }>(
    token,
    'GET',
    '/api/v1/journal/entries',
  );
  expect(left.items.map((item) => [item.title, item.audio_recordings.length])).toEqual([
    ['Morning by the river', 0],
  ]);
});

test('the journal on a phone', async ({ page, member }) => {
  test.skip(test.info().project.name !== 'phone', 'the phone layout');
  const token = await memberToken(member);
  const photo = await uploadAsMember(
    token,
    'journal_image',
    'image/png',
    png(40, 30, [180, 85, 45]),
  );
  await callApi(token, 'POST', `/api/v1/journal/entries?tz=UTC`, {
    title: 'Sunday market',
    content: 'Bought figs and talked with the baker about sourdough for a long time.',
    categories: ['social', 'health'],
    image_urls: [photo],
  });

  await signIn(page, member);
  await page.goto('/journal');
  const market = entry(page, 'Sunday market');
  await expectLoaded(market.getByRole('img', { name: 'Photo 1 of “Sunday market”' }));
  await expect(page.getByRole('region', { name: 'Your streak' })).toContainText('1 entry in all');
  await checkScreen(page, 'journal');

  // A member who refuses the microphone is told so, and can still write.
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () =>
      Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
  });
  await page.goto('/journal/new');
  await page.getByRole('button', { name: 'Record your voice' }).click();
  await expect(page.getByRole('alert')).toContainText('Microphone access was not allowed');
  await expect(page.getByRole('alert')).toContainText('You can still write your entry');
  await page.getByLabel('Your entry').fill('Quiet day.');
  await expect(page.getByRole('button', { name: 'Save entry' })).toBeEnabled();
});
