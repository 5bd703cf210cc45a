import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { callApi, memberToken, passwordToken } from './api';
import { checkScreen, expect, signIn, test, type Member } from './fixtures';

const run = promisify(execFile);

/** One VIVA reply through the API: a usage row for today (the local offline coach charges 0 tokens). */
async function useVivaOnce(member: Member): Promise<{ token: string; day: string }> {
  const token = await memberToken(member);
  const thread = await callApi<{ id: string }>(token, 'POST', '/api/v1/ai/conversations', {
    mode: 'coach',
  });
  await callApi(token, 'POST', `/api/v1/ai/conversations/${thread.id}/messages`, {
    message: 'Where do I start with my money goals?',
  });
  const usage = await callApi<{ items: { created_at: string }[] }>(
    token,
    'GET',
    '/api/v1/ai/usage?limit=1',
  );
  // Usage is counted per UTC day, as the chart shows it.
  return { token, day: usage.items[0]!.created_at.slice(0, 10) };
}

test('a member sees their tokens and usage, exports their data, and deletes their account', async ({
  page,
  member,
}) => {
  test.skip(test.info().project.name !== 'desktop', 'the whole journey runs once, at desktop size');
  const { token, day } = await useVivaOnce(member);
  const balance = await callApi<{ remaining: number }>(token, 'GET', '/api/v1/ai/balance');

  await signIn(page, member);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Account' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();

  // The balance, as the ledger has it.
  await expect(page.locator('#account-remaining')).toHaveText(String(balance.remaining));
  await expect(page.getByText('Used so far')).toBeVisible();

  // The usage chart has today's bar (the offline coach is free: the chart shows calls), and the
  // numbers are in the tables too.
  const chart = page.getByRole('img', { name: /per day/ });
  await expect(chart).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Calls' })).toBeChecked();
  const bar = chart.locator(`rect[data-day="${day}"]`);
  await expect(bar).toHaveAttribute('data-value', '1');
  expect(Number(await bar.getAttribute('height'))).toBeGreaterThan(0);
  await expect(chart.locator('rect')).toHaveCount(30);
  const today = page.locator(`#account-usage-days tr[data-day="${day}"]`);
  await expect(today.locator('td')).toHaveText(['0', '1']);
  await expect(page.getByRole('table', { name: 'By kind of use' })).toContainText(
    'VIVA conversations',
  );
  await page.getByRole('radio', { name: 'Tokens' }).check();
  await expect(page.getByRole('img', { name: /^Tokens per day/ })).toBeVisible();
  await expect(bar).toHaveAttribute('data-value', '0');
  // The history lists the call.
  const history = page.getByRole('region', { name: 'Usage history' });
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await expect(history.getByRole('listitem')).toContainText('VIVA conversations');
  await expect(history.getByRole('listitem')).toContainText('0 tokens');
  await checkScreen(page, 'account');

  // Export: asked for, followed while it is prepared, downloaded, and it holds the member's data.
  const data = page.getByRole('region', { name: 'Your data' });
  await data.getByRole('button', { name: 'Export my data' }).click();
  await expect(data.getByText('Preparing your export')).toBeVisible();
  await expect(data.getByText('Your export is ready')).toBeVisible({ timeout: 30_000 });
  const downloading = page.waitForEvent('download');
  await data.getByRole('link', { name: /Download your data/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^vibrationfit-export-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = await download.path();
  const { stdout: listing } = await run('unzip', ['-Z1', zip]);
  const entries = listing.split('\n').filter(Boolean).sort();
  expect(entries).toEqual(
    [
      'manifest.json',
      'services/ai-usage-service.json',
      'services/assessment-service.json',
      'services/journal-service.json',
      'services/media-service.json',
      'services/profile-service.json',
      'services/vision-service.json',
    ].sort(),
  );
  const { stdout: viva } = await run('unzip', ['-p', zip, 'services/ai-usage-service.json']);
  expect(viva).toContain('Where do I start with my money goals?');
  const { stdout: manifest } = await run('unzip', ['-p', zip, 'manifest.json']);
  expect(manifest).toContain(member.id);

  // Delete: the button waits for the exact username.
  const danger = page.getByRole('region', { name: 'Delete your account' });
  const confirm = danger.getByLabel(/Type your username/);
  const deleteButton = danger.getByRole('button', { name: 'Delete my account' });
  await expect(danger.getByText(member.username)).toBeVisible();
  await expect(deleteButton).toBeDisabled();
  await confirm.fill(member.username.toUpperCase());
  await expect(deleteButton).toBeDisabled();
  await confirm.fill(member.username);
  await expect(deleteButton).toBeEnabled();
  await deleteButton.click();

  // Signed out, on the landing page.
  await expect(
    page.getByRole('heading', { level: 1, name: 'Create the life you choose' }),
  ).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);

  // The login is gone: signing in again is refused.
  await expect
    .poll(
      () =>
        passwordToken(member.username, member.password).then(
          () => 'exists',
          () => 'gone',
        ),
      {
        timeout: 15_000,
      },
    )
    .toBe('gone');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#username').fill(member.username);
  await page.locator('#password').fill(member.password);
  await page.locator('#kc-login').click();
  await expect(page.getByText(/Invalid username or password/i)).toBeVisible();
  await expect(page).toHaveURL(/\/realms\/vibrationfit\//);
});

test('the account screen on a phone', async ({ page, member }) => {
  test.skip(test.info().project.name !== 'phone', 'the phone check');
  const { day } = await useVivaOnce(member);
  await signIn(page, member);
  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expect(page.locator('#account-remaining')).toBeVisible();
  await expect(page.locator(`#account-usage-days tr[data-day="${day}"]`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export my data' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete my account' })).toBeDisabled();
  await checkScreen(page, 'account-phone');
});

test('a member buys a token pack on the payment page and gets its tokens once it is paid', async ({
  page,
  member,
}) => {
  test.skip(test.info().project.name !== 'desktop', 'the purchase runs once, at desktop size');
  const token = await memberToken(member);
  const before = (await callApi<{ remaining: number }>(token, 'GET', '/api/v1/ai/balance'))
    .remaining;

  await signIn(page, member);
  await page.goto('/account');
  await expect(page.locator('#plan-name')).toHaveText('Free plan');
  await expect(page.locator('#auto-topup-needs-card')).toBeVisible();
  await expect(page.locator('#subscribe-plus')).toContainText('28 days');

  // Off to the provider's hosted checkout (the Stripe stub locally), paid with its good test card...
  await page.locator('#buy-small').click();
  await expect(page.locator('#pay')).toBeVisible();
  await page.locator('#pay').click();

  // ... and back on the account page, which follows the purchase until the provider's webhook is in.
  await expect(page).toHaveURL(/\/account\?checkout=success/);
  await expect(page.locator('#checkout-status')).toContainText('Payment confirmed');
  await expect(page.locator('#account-remaining')).toHaveText(String(before + 500));
  await expect(page.locator('#purchases')).toContainText('Paid');

  // The card is saved now: auto top-up can be turned on.
  await page.locator('#auto-topup-toggle').click();
  await expect(page.locator('#auto-topup-toggle')).toHaveText('Turn off');
  const balance = await callApi<{ auto_topup_enabled: boolean }>(
    token,
    'GET',
    '/api/v1/ai/balance',
  );
  expect(balance.auto_topup_enabled).toBe(true);
});
