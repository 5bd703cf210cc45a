import type { Page } from '@playwright/test';
import { callApi, memberToken } from './api';
import { checkScreen, expect, signIn, test } from './fixtures';

/** The 14 sections in reading order, by the label the editor shows. */
const SECTIONS: [key: string, label: string][] = [
  ['forward', 'Forward'],
  ['fun', 'Fun & Recreation'],
  ['travel', 'Travel & Adventure'],
  ['home', 'Home & Environment'],
  ['family', 'Family & Parenting'],
  ['romance', 'Love & Romance'],
  ['health', 'Health & Vitality'],
  ['money', 'Money & Wealth'],
  ['business', 'Business & Career'],
  ['social', 'Social & Friends'],
  ['possessions', 'Possessions & Lifestyle'],
  ['giving', 'Giving & Legacy'],
  ['spirituality', 'Spirituality & Growth'],
  ['conclusion', 'Conclusion'],
];

const textOf = (key: string) => `In ${key} I live with joy and ease.`;

function section(page: Page, label: string) {
  return page.getByRole('textbox', { name: label, exact: true });
}

async function saved(page: Page) {
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
}

interface VisionView {
  id: string;
  status: string;
  health: string;
  money: string;
}

test('a member writes a vision, completes it, hears it, copies it and settles a stale edit', async ({
  page,
  member,
  problems,
}) => {
  test.skip(test.info().project.name !== 'desktop', 'the journey runs at desktop width');
  test.setTimeout(150_000);
  // Deliberate unhappy paths: completing with blank categories (422) and a stale edit (412).
  problems.allow(/^\/api\/v1\/visions\/[0-9a-f-]+\/complete$/, 422);
  problems.allow(/^\/api\/v1\/visions\/[0-9a-f-]+$/, 412);

  await signIn(page, member);
  await page.goto('/life-vision');
  await expect(page.getByRole('heading', { level: 1, name: 'Your Life Vision' })).toBeVisible();
  await expect(page.getByText("You haven't written a Life Vision yet")).toBeVisible();

  // Create a version through the form.
  await page.getByRole('textbox', { name: 'Title' }).fill('Robin’s vision');
  await page.getByRole('button', { name: 'Start writing' }).click();
  await expect(page).toHaveURL(/\/life-vision\/[0-9a-f-]{36}$/);
  const visionId = page.url().split('/').pop()!;
  await expect(page.getByRole('heading', { level: 1, name: 'Robin’s vision' })).toBeVisible();
  await expect(page.getByText('Draft', { exact: true })).toBeVisible();

  // Write the first half, then ask to complete: the blank categories are listed, linked to inputs.
  for (const [key, label] of SECTIONS.slice(0, 7)) await section(page, label).fill(textOf(key));
  await saved(page);
  await expect(page.getByText('7 of 14 sections written.')).toBeVisible();
  await page.getByRole('button', { name: 'Mark complete' }).click();
  const blank = page.getByRole('alert').filter({ hasText: 'Still blank' });
  await expect(blank).toBeVisible();
  await expect(blank.getByRole('link')).toHaveText([
    'Money & Wealth',
    'Business & Career',
    'Social & Friends',
    'Possessions & Lifestyle',
    'Giving & Legacy',
    'Spirituality & Growth',
  ]);
  await expect(section(page, 'Money & Wealth')).toHaveAttribute('aria-invalid', 'true');
  await blank.getByRole('link', { name: 'Money & Wealth' }).click();
  await expect(section(page, 'Money & Wealth')).toBeFocused();

  // The rest, typed (autosave after a pause), each section's indicator turning to "Written".
  for (const [key, label] of SECTIONS.slice(7)) await section(page, label).fill(textOf(key));
  await expect(page.getByText('14 of 14 sections written.')).toBeVisible();
  await saved(page);
  await expect(page.getByText('Still blank')).toHaveCount(0);
  const api = await callApi<VisionView & Record<string, string>>(
    await memberToken(member),
    'GET',
    `/api/v1/visions/${visionId}`,
  );
  for (const [key] of SECTIONS) expect(api[key]).toBe(textOf(key));
  expect(api.completion_percentage).toBe(100);

  // A reload keeps every word.
  await page.reload();
  for (const [key, label] of SECTIONS) await expect(section(page, label)).toHaveValue(textOf(key));

  // Complete: it becomes the active version, and narration starts.
  await page.getByRole('button', { name: 'Mark complete' }).click();
  await expect(page.getByText('Complete', { exact: true })).toBeVisible();
  await expect(page.getByText('Active', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark complete' })).toHaveCount(0);

  // A narrated section: a real MP3 in an <audio> player that plays.
  const player = page.locator('audio').first();
  await expect(player).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/Narrated \(\d+:\d\d\)\./).first()).toBeVisible();
  const playback = await player.evaluate(async (audio: HTMLAudioElement) => {
    audio.muted = true; // autoplay rules allow muted playback without a gesture
    await audio.play();
    const started = audio.currentTime;
    await new Promise((resolve) => setTimeout(resolve, 700));
    return {
      duration: audio.duration,
      readyState: audio.readyState,
      advanced: audio.currentTime > started,
    };
  });
  expect(playback.duration).toBeGreaterThan(0);
  expect(playback.readyState).toBeGreaterThanOrEqual(1);
  expect(playback.advanced).toBe(true);

  // The summary counts the narrated sections (the others follow in the background).
  await expect(page.getByText(/[1-9]\d* of 14 written sections narrated/)).toBeVisible();
  await checkScreen(page, 'life-vision-editor');

  // A stale edit: the API changes two sections behind the page's back, then the member types.
  const token = await memberToken(member);
  await callApi(token, 'PATCH', `/api/v1/visions/${visionId}`, {
    health: 'Their health text.',
    money: 'Their money text.',
  });
  await section(page, 'Health & Vitality').fill('My health text.');
  const conflict = page
    .getByRole('alert')
    .filter({ hasText: 'This version was changed elsewhere' });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('Changed on both sides: Health & Vitality.');
  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await expect(conflict).toHaveCount(0);
  await saved(page);
  await expect(section(page, 'Health & Vitality')).toHaveValue('My health text.');
  await expect(section(page, 'Money & Wealth')).toHaveValue('Their money text.');
  const merged = await callApi<VisionView>(token, 'GET', `/api/v1/visions/${visionId}`);
  expect(merged.health).toBe('My health text.');
  expect(merged.money).toBe('Their money text.');

  // Copy the version into a new draft, then delete that draft.
  await page.getByRole('link', { name: 'All versions' }).click();
  const versions = page.getByRole('list').filter({ hasText: 'Robin’s vision' });
  await expect(versions.getByRole('listitem')).toHaveCount(1);
  await expect(versions.getByText('Active', { exact: true })).toBeVisible();
  // A complete version is history: it offers no delete.
  await expect(versions.getByRole('button', { name: /Delete draft/ })).toHaveCount(0);
  await checkScreen(page, 'life-vision-versions');
  await versions.getByRole('button', { name: /Copy into a new draft/ }).click();
  await expect(page).toHaveURL(/\/life-vision\/[0-9a-f-]{36}$/);
  expect(page.url()).not.toContain(visionId);
  await expect(page.getByText('Draft', { exact: true })).toBeVisible();
  await expect(page.getByText(/Life Vision · Version 2/)).toBeVisible();
  await expect(section(page, 'Health & Vitality')).toHaveValue('My health text.');
  await page.getByRole('button', { name: 'Delete draft' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this draft?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Delete draft' }).click();
  await expect(page).toHaveURL(/\/life-vision$/);
  await expect(page.getByText('was deleted.')).toBeVisible();
  await expect(versions.getByRole('listitem')).toHaveCount(1);
  const left = await callApi<{ items: VisionView[] }>(token, 'GET', '/api/v1/visions');
  expect(left.items.map((v) => v.id)).toEqual([visionId]);

  // A second version completed (it becomes active), then the first made active again explicitly.
  const second = await callApi<VisionView>(token, 'POST', '/api/v1/visions', {
    copy_from: visionId,
    title: 'Robin’s vision, take two',
  });
  await callApi(token, 'POST', `/api/v1/visions/${second.id}/complete`);
  await page.reload();
  const first = versions.getByRole('listitem').filter({ hasText: 'Version 1' });
  await expect(versions.getByRole('listitem')).toHaveCount(2);
  await expect(first.getByText('Complete', { exact: true })).toBeVisible();
  await first.getByRole('button', { name: /Make active/ }).click();
  await expect(page.getByText('is your active vision again')).toBeVisible();
  await expect(first.getByText('Active', { exact: true })).toBeVisible();
  await expect(versions.getByRole('button', { name: /Make active/ })).toHaveCount(1);
  const active = await callApi<VisionView>(token, 'GET', '/api/v1/visions/active');
  expect(active.id).toBe(visionId);
});

test('on a phone, the editor shows a vision with content', async ({ page, member }) => {
  test.skip(test.info().project.name !== 'phone', 'the phone check');
  const token = await memberToken(member);
  const created = await callApi<{ id: string }>(token, 'POST', '/api/v1/visions', {
    title: 'A vision on the go',
  });
  await callApi(token, 'PATCH', `/api/v1/visions/${created.id}`, {
    forward: 'Every morning I wake up grateful for the life I have created.',
    fun: 'I dance, I paint and I laugh with friends every week.',
    health: 'My body is strong and full of energy.',
  });

  await signIn(page, member);
  await page.goto(`/life-vision/${created.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'A vision on the go' })).toBeVisible();
  await expect(section(page, 'Fun & Recreation')).toHaveValue(
    'I dance, I paint and I laugh with friends every week.',
  );
  await expect(page.getByText('3 of 14 sections written.')).toBeVisible();
  await checkScreen(page, 'life-vision-editor');
});
