import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { callApi, memberToken, realmAdminToken } from './api';
import { expect, signIn, test } from './fixtures';
import { OpenAiProtocolStub } from './openAiProtocolStub';

/**
 * VIVA on a paid provider: ai-usage-service is restarted against an OpenAI-protocol model (its real
 * client streams from e2e/openAiProtocolStub.ts), so every reply holds tokens first. A member with
 * none is refused by the ledger itself (402, with what the reply needs and what remains), keeps their
 * message, and once granted tokens gets the reply and pays exactly what the model reported.
 * ai-usage-service goes back to the free offline coach afterwards.
 */
const VF = fileURLToPath(new URL('../../vf', import.meta.url));
const REPLY = {
  words: ['Picture ', 'the ', 'morning ', 'you ', 'want.'],
  promptTokens: 812,
  completionTokens: 57,
};

let provider: OpenAiProtocolStub | undefined;

function restartAiUsage(settings: string[]): void {
  execFileSync(VF, ['restart', 'ai-usage-service', ...settings], {
    stdio: 'inherit',
    timeout: 150_000,
  });
}

test.beforeAll(async () => {
  const info = test.info();
  if (info.project.name !== 'desktop') return;
  info.setTimeout(180_000);
  provider = await OpenAiProtocolStub.start(REPLY);
  // A local-only key: the stub checks nothing, the client sends it as a real one.
  restartAiUsage([
    `VF_VIVA_PROVIDER_BASE_URL=${provider.baseUrl}`,
    'VF_VIVA_PROVIDER_API_KEY=e2e-local-only',
  ]);
});

test.afterAll(async () => {
  if (!provider) return;
  const info = test.info();
  info.setTimeout(180_000);
  try {
    restartAiUsage([]);
  } finally {
    await provider.close();
  }
});

test('a member out of tokens is told what a reply needs, then pays what the model used', async ({
  page,
  member,
  problems,
}) => {
  test.skip(
    test.info().project.name !== 'desktop',
    'ai-usage-service is restarted once, at desktop size',
  );
  const token = await memberToken(member);
  const balance = await callApi<{ user_id: string; remaining: number }>(
    token,
    'GET',
    '/api/v1/ai/balance',
  );
  const admin = await realmAdminToken();
  if (balance.remaining > 0) {
    await callApi(admin, 'POST', '/api/v1/admin/ai/grants', {
      user_id: balance.user_id,
      amount: -balance.remaining,
      reason: 'e2e: a member out of tokens',
    });
  }
  const thread = await callApi<{ id: string }>(token, 'POST', '/api/v1/ai/conversations', {
    mode: 'vision_builder',
    category: 'travel',
  });

  await signIn(page, member);
  await page.goto(`/viva/${thread.id}`);
  const box = page.getByLabel('Your message');
  await box.fill('Where should I travel next?');
  problems.allow(/^\/api\/v1\/ai\/conversations\/[^/]+\/messages$/, 402);
  await box.press('Enter');
  const refusal = page.getByRole('alert').filter({ hasText: 'Not enough tokens' });
  await expect(refusal).toContainText(/This reply needs [\d,]+ tokens; you have 0\./);
  await expect(refusal.getByRole('link', { name: 'See your tokens' })).toHaveAttribute(
    'href',
    '/account',
  );
  await expect(box).toHaveValue('Where should I travel next?');
  expect(provider?.calls).toBe(0); // refused before any provider call

  // Granted tokens, the same message goes through and streams from the model.
  await callApi(admin, 'POST', '/api/v1/admin/ai/grants', {
    user_id: balance.user_id,
    amount: 20_000,
    reason: 'e2e: tokens for a paid reply',
  });
  await page.getByRole('button', { name: 'Send' }).click();
  const reply = page.getByRole('article', { name: 'VIVA replied' });
  await expect(reply).toHaveCount(1, { timeout: 20_000 });
  await expect(reply.locator('.viva-turn__text')).toHaveText('Picture the morning you want.');
  await expect(reply.locator('.viva-usage')).toContainText('869 tokens');
  const after = await callApi<{ remaining: number; reserved: number }>(
    token,
    'GET',
    '/api/v1/ai/balance',
  );
  expect(after.remaining).toBe(20_000 - 869);
  expect(after.reserved).toBe(0);
  expect(provider?.calls).toBe(1);
});
