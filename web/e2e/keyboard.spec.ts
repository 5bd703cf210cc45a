import type { Locator, Page } from '@playwright/test';
import { expect, test, type Member } from './fixtures';

/**
 * A member who uses the keyboard alone: signs in, moves through the navigation, starts a Life Vision, writes a
 * section (autosaved) and marks an answer of the Green Line assessment. No click anywhere: Tab moves focus,
 * Enter and Space act, the arrow keys choose within a group. Each step checks focus reached the control.
 */
/** Tabs forward until `target` has focus (it must be reachable within `max` presses). */
async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false))
      return;
    await page.keyboard.press('Tab');
  }
  await expect(target, 'reachable with Tab').toBeFocused();
}

async function signInWithKeyboard(page: Page, member: Member): Promise<void> {
  await page.goto('/');
  await tabTo(page, page.getByRole('button', { name: 'Sign in' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('#username')).toBeVisible();
  await tabTo(page, page.locator('#username'));
  await page.keyboard.type(member.username);
  await tabTo(page, page.locator('#password'));
  await page.keyboard.type(member.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

test('a member does the main journeys with the keyboard alone', async ({ page, member }) => {
  test.skip(test.info().project.name !== 'desktop', 'keyboard journey at desktop width');
  await signInWithKeyboard(page, member);
  await expect(page.getByRole('heading', { name: 'What to do next' })).toBeVisible();

  // The skip link is the first stop and moves focus to the content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: /skip/i })).toBeFocused();

  // Life Vision: start a version and write a section.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await tabTo(page, nav.getByRole('link', { name: 'Life Vision' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Your Life Vision' })).toBeVisible();
  await tabTo(page, page.getByRole('textbox', { name: 'Title' }));
  await page.keyboard.type('Written by keyboard');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Written by keyboard' })).toBeVisible();
  const forward = page.getByRole('textbox', { name: 'Forward', exact: true });
  await tabTo(page, forward);
  await page.keyboard.type('I move through my day with ease.');
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  await expect(forward).toHaveValue('I move through my day with ease.');

  // Assessment: start one and answer the first question with the arrow keys and Space.
  await tabTo(page, nav.getByRole('link', { name: 'Assessment' }), 120);
  await page.keyboard.press('Enter');
  const start = page.getByRole('button', { name: /start/i }).first();
  await tabTo(page, start);
  await page.keyboard.press('Enter');
  const firstAnswer = page.getByRole('radio').first();
  await tabTo(page, firstAnswer);
  await page.keyboard.press('Space');
  await expect(firstAnswer).toBeChecked();
  await expect(page.getByText(/1 of 84|1\/84/).first()).toBeVisible();
});
