import AxeBuilder from '@axe-core/playwright';
import { expect, signIn, test } from './fixtures';

test('a new member signs in and sees the home screen', async ({ page, member }) => {
  await signIn(page, member);

  await expect(page.getByRole('heading', { level: 1 })).toContainText(member.firstName);
  await expect(page.getByRole('heading', { name: 'What to do next' })).toBeVisible();
  // A new member has no vision yet: writing it is the first step.
  const steps = page.getByRole('list').filter({ hasText: 'Write your Life Vision' });
  await expect(steps).toBeVisible();
  await expect(page.getByRole('heading', { name: 'AI tokens' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // No horizontal scrolling at this width.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);

  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});
