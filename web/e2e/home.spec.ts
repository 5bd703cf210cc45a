import { checkScreen, expect, signIn, test } from './fixtures';

test('a new member signs in and sees the home screen', async ({ page, member }) => {
  await signIn(page, member);

  await expect(page.getByRole('heading', { level: 1 })).toContainText(member.firstName);
  await expect(page.getByRole('heading', { name: 'What to do next' })).toBeVisible();
  // A new member has no vision yet: writing it is the first step.
  const steps = page.getByRole('list').filter({ hasText: 'Write your Life Vision' });
  await expect(steps).toBeVisible();
  await expect(page.getByRole('heading', { name: 'AI tokens' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await checkScreen(page, 'home');
});
