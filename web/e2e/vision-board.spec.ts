import type { Locator, Page } from '@playwright/test';
import { callApi, memberToken } from './api';
import { checkScreen, expect, signIn, test } from './fixtures';
import { png, uploadAsMember } from './media';

/** Whether the browser really decoded the picture (not a broken image). */
async function expectLoaded(image: Locator) {
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
}

const summary = (page: Page, name: string) =>
  page.getByRole('region', { name: 'Counts by status' }).getByRole('button', { name, exact: true });

const card = (page: Page, name: string) => page.getByRole('article', { name });

test('a member pins items with pictures, edits, filters, actualizes and deletes', async ({
  page,
  member,
  problems,
}) => {
  test.skip(test.info().project.name !== 'desktop', 'the whole journey runs at desktop width');
  test.setTimeout(120_000);
  // On purpose: a stale save (someone else edited the item meanwhile).
  problems.allow(/^\/api\/v1\/vision-board\/items\/[^/]+$/, 412);

  await signIn(page, member);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Vision board' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'What you are creating' }),
  ).toBeVisible();
  await expect(summary(page, 'All 0')).toBeVisible();
  await expect(page.getByText('Your board is empty.')).toBeVisible();

  // A first item, with a picture.
  await page.getByRole('link', { name: 'Add an item' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add an item' })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill('A house by the sea');
  const file = page.getByLabel('Choose a picture');
  // Not a picture: said beside the file input, nothing uploaded.
  await file.setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('not a picture'),
  });
  await expect(file).toHaveAttribute('aria-invalid', 'true');
  await expect(file).toHaveAccessibleDescription(/text\/plain.*can't be used here/);
  await file.setInputFiles({
    name: 'sea.png',
    mimeType: 'image/png',
    buffer: png(48, 36, [47, 111, 94]),
  });
  const progress = page.getByRole('progressbar', { name: 'Uploading the picture' });
  await expect(progress).toHaveAttribute('value', '100');
  await expect(page.getByRole('status').filter({ hasText: 'Upload complete.' })).toBeVisible();
  await expect(page.getByLabel('Choose another picture')).not.toHaveAttribute('aria-invalid');
  await expectLoaded(page.getByRole('img', { name: 'Picture for A house by the sea' }));
  await page.getByLabel('Description').fill('Light through big windows.');
  await page.getByLabel('Home & Environment').check();
  await page.getByLabel('Travel & Adventure').check();
  await checkScreen(page, 'vision-board-editor');
  await page.getByRole('button', { name: 'Add to my board' }).click();

  await expect(page).toHaveURL(/\/vision-board$/);
  await expect(page.getByRole('status').filter({ hasText: 'is on your board' })).toBeVisible();
  const house = card(page, 'A house by the sea');
  const picture = house.getByRole('img', { name: 'Picture for A house by the sea' });
  await expectLoaded(picture);
  // The browser loads the link the API gave, never the storage reference.
  expect(await picture.getAttribute('src')).toMatch(/^https?:\/\//);
  await expect(house).toContainText('Home & Environment');
  await expect(house).toContainText('Travel & Adventure');
  await expect(house).toContainText('Light through big windows.');
  await expect(house).toContainText('Active');
  await expect(summary(page, 'All 1')).toBeVisible();
  await expect(summary(page, 'Active 1')).toBeVisible();

  // A second item, without a picture.
  await page.getByRole('link', { name: 'Add an item' }).click();
  await page.getByLabel('Name', { exact: true }).fill('A red bicycle');
  await page.getByLabel('Fun & Recreation').check();
  await page.getByRole('button', { name: 'Add to my board' }).click();
  await expect(card(page, 'A red bicycle')).toBeVisible();
  await expect(summary(page, 'All 2')).toBeVisible();
  await expect(summary(page, 'Active 2')).toBeVisible();

  // Edit the first one while someone else renames it (another tab): the save meets 412.
  await house.getByRole('link', { name: 'Edit A house by the sea' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit this item' })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('A house by the sea');
  await expectLoaded(page.getByRole('img', { name: 'Picture for A house by the sea' }));
  await page.getByLabel('Description').fill('White walls and a blue door.');
  const id = /\/vision-board\/([0-9a-f-]+)$/.exec(page.url())?.[1] ?? '';
  const token = await memberToken(member);
  const current = await fetch(`http://127.0.0.1:8080/api/v1/vision-board/items/${id}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const renamed = await fetch(`http://127.0.0.1:8080/api/v1/vision-board/items/${id}`, {
    method: 'PATCH',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      'If-Match': current.headers.get('ETag') ?? '',
    },
    body: JSON.stringify({ name: 'A house by the ocean' }),
  });
  expect(renamed.status).toBe(200);
  await page.getByRole('button', { name: 'Save changes' }).click();
  const conflict = page.getByRole('dialog', { name: 'This was changed elsewhere' });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText(
    'Keep mine saves your changes on top of it; their other changes stay.',
  );
  await expect(conflict).toContainText('drops your changes to: Description');
  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await expect(page).toHaveURL(/\/vision-board$/);
  const ocean = card(page, 'A house by the ocean');
  await expect(ocean, 'their new name is kept').toBeVisible();
  await expect(ocean, 'my description is saved').toContainText('White walls and a blue door.');
  await expectLoaded(ocean.getByRole('img', { name: 'Picture for A house by the ocean' }));

  // Filter by life area.
  await page.getByRole('combobox', { name: 'Life area' }).selectOption('home');
  await expect(page.getByText('Showing items in Home & Environment.')).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(ocean).toBeVisible();
  await page.getByRole('combobox', { name: 'Life area' }).selectOption('fun');
  await expect(card(page, 'A red bicycle')).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Life area' }).selectOption('');
  await expect(page.getByRole('article')).toHaveCount(2);

  // Actualize it: the date shows, the counts change, and the status filter finds it.
  await ocean.getByRole('button', { name: 'Actualize A house by the ocean' }).click();
  await expect(ocean).toContainText(/Actualized on \w+/);
  await expect(summary(page, 'Actualized 1')).toBeVisible();
  await expect(summary(page, 'Active 1')).toBeVisible();
  await summary(page, 'Actualized 1').click();
  await expect(summary(page, 'Actualized 1')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(ocean).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('actualized');
  // Back to active, and actualized again.
  await ocean.getByRole('button', { name: 'Move back to active A house by the ocean' }).click();
  await expect(summary(page, 'Actualized 0')).toBeVisible();
  await expect(page.getByText('Nothing on your board matches these filters.')).toBeVisible();
  await summary(page, 'All 2').click();
  await expect(page.getByRole('article')).toHaveCount(2);
  await expect(ocean).not.toContainText('Actualized on');
  await ocean.getByRole('button', { name: 'Actualize A house by the ocean' }).click();
  await expect(summary(page, 'Actualized 1')).toBeVisible();

  // Delete the other one, after confirming.
  await card(page, 'A red bicycle').getByRole('button', { name: 'Delete A red bicycle' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this item?' });
  await expect(confirm).toContainText('A red bicycle');
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(card(page, 'A red bicycle')).toHaveCount(0);
  await expect(summary(page, 'All 1')).toBeVisible();
  await expect(summary(page, 'Active 0')).toBeVisible();
  const left = await callApi<{ items: { name: string }[] }>(
    token,
    'GET',
    '/api/v1/vision-board/items',
  );
  expect(left.items.map((item) => item.name)).toEqual(['A house by the ocean']);
  await checkScreen(page, 'vision-board');
});

test('the board on a phone', async ({ page, member }) => {
  test.skip(test.info().project.name !== 'phone', 'the phone layout');
  const token = await memberToken(member);
  const image = await uploadAsMember(
    token,
    'vision_board_image',
    'image/png',
    png(40, 30, [180, 85, 45]),
  );
  await callApi(token, 'POST', '/api/v1/vision-board/items', {
    name: 'A garden full of tomatoes',
    description: 'Warm evenings, green hands.',
    image_url: image,
    categories: ['home', 'health'],
  });
  await callApi(token, 'POST', '/api/v1/vision-board/items', {
    name: 'Dancing every week',
    categories: ['fun'],
    status: 'actualized',
  });

  await signIn(page, member);
  await page.goto('/vision-board');
  await expect(summary(page, 'All 2')).toBeVisible();
  await expectLoaded(page.getByRole('img', { name: 'Picture for A garden full of tomatoes' }));
  await expect(card(page, 'Dancing every week')).toContainText('Actualized on');
  await checkScreen(page, 'vision-board');
});
