import type { Page } from '@playwright/test';
import { callApi, memberToken } from './api';
import { checkScreen, expect, signIn, test } from './fixtures';

/**
 * A slow connection, for streamed answers only: the page's fetch hands each Server-Sent Event of
 * a text/event-stream body to the app `window.__vfPaceMs` milliseconds after the one before (0:
 * at once). The events are the server's own, unchanged; the local offline coach streams a reply in
 * a few milliseconds, so without this a reply could not be watched growing or stopped mid-way.
 */
async function paceEventStreams(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __vfPaceMs?: number };
    const original = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      const response = await original(input, init);
      const pace = w.__vfPaceMs ?? 0;
      const type = response.headers.get('Content-Type') ?? '';
      if (!pace || !type.startsWith('text/event-stream') || !response.body) return response;
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      const encoder = new TextEncoder();
      let buffer = '';
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          for (;;) {
            const end = buffer.indexOf('\n\n');
            if (end >= 0) {
              const event = buffer.slice(0, end + 2);
              buffer = buffer.slice(end + 2);
              await new Promise((resolve) => setTimeout(resolve, pace));
              controller.enqueue(encoder.encode(event));
              return;
            }
            const { done, value } = await reader.read();
            if (done) {
              if (buffer) controller.enqueue(encoder.encode(buffer));
              controller.close();
              return;
            }
            buffer += decoder.decode(value, { stream: true });
          }
        },
        cancel(reason) {
          return reader.cancel(reason);
        },
      });
      return new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    };
  });
}

async function setPace(page: Page, ms: number): Promise<void> {
  await page.evaluate((value) => {
    (window as unknown as { __vfPaceMs?: number }).__vfPaceMs = value;
  }, ms);
}

/** Records the live reply's length at every change of the live region (window.__vivaLengths). */
async function recordLiveReply(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __vivaLengths: number[] };
    w.__vivaLengths = [];
    const region = document.getElementById('viva-live-reply');
    if (!region) throw new Error('no live region');
    new MutationObserver(() => {
      const text = region.querySelector('.viva-live__text')?.textContent ?? '';
      w.__vivaLengths.push(text.length);
    }).observe(region, { subtree: true, childList: true, characterData: true });
  });
}

async function recordedLengths(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __vivaLengths: number[] }).__vivaLengths);
}

async function shownBalance(page: Page): Promise<number> {
  const text = await page.locator('.viva-balance strong').innerText();
  return Number(text.replace(/[^\d]/g, ''));
}

test('a member talks with VIVA: streamed replies, grounding, usage and stop', async ({
  page,
  member,
}) => {
  test.skip(test.info().project.name !== 'desktop', 'the whole journey runs once, at desktop size');
  const token = await memberToken(member);
  // A Life Vision for VIVA to ground its replies in (it learns of it through vision.events).
  await callApi(token, 'POST', '/api/v1/visions', { title: 'My Life Vision' });

  await paceEventStreams(page);
  await signIn(page, member);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'VIVA' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your vision coach' })).toBeVisible();
  await expect(page.getByText('No conversations yet')).toBeVisible();

  // Start a thread: a mode and an area.
  await page.getByRole('radio', { name: /Refinement/ }).check();
  await page.getByLabel('Life area (optional)').selectOption('health');
  await page.getByRole('button', { name: 'Start conversation' }).click();
  await expect(page).toHaveURL(/\/viva\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('refinement');
  await expect(page.getByText('VIVA · Refinement · Health & Vitality')).toBeVisible();
  await expect(page.locator('.viva-balance')).toBeVisible();
  const balanceBefore = await shownBalance(page);

  // The reply streams in: the live region grows piece by piece before the reply is stored.
  await recordLiveReply(page);
  await setPace(page, 40);
  const box = page.getByLabel('Your message');
  await box.fill('Help me sharpen my health section');
  await box.press('Enter');
  const replies = page.getByRole('article', { name: 'VIVA replied' });
  await expect(replies).toHaveCount(1, { timeout: 20_000 });
  const finalText = (await replies.first().locator('.viva-turn__text').innerText()).trim();
  expect(finalText.length).toBeGreaterThan(20);
  const lengths = await recordedLengths(page);
  const partial = lengths.filter((n) => n > 0 && n < finalText.length);
  expect(partial.length, `lengths seen: ${lengths.join(',')}`).toBeGreaterThanOrEqual(2);
  expect(lengths).toContain(finalText.length);
  await expect(page.getByRole('article', { name: 'You said' })).toHaveText(
    /Help me sharpen my health section/,
  );

  // What the reply was based on, and what it cost; the balance fell by exactly that.
  const reply = replies.first();
  await expect(reply.getByText('Based on')).toBeVisible();
  await expect(reply.getByText('Your Life Vision (version 1)')).toBeVisible();
  const usage = await reply.locator('.viva-usage').innerText();
  const used = Number(/([\d,]+) tokens?/.exec(usage)?.[1]?.replace(/,/g, '') ?? 'NaN');
  expect(Number.isFinite(used)).toBe(true);
  await expect.poll(() => shownBalance(page)).toBe(balanceBefore - used);
  // The thread is named after its first message.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Help me sharpen my health section',
  );

  // Stop a reply mid-stream: what came so far stays, marked as stopped.
  await setPace(page, 250);
  await box.fill('What is one small step for this week?');
  await page.getByRole('button', { name: 'Send' }).click();
  const liveText = page.locator('#viva-live-reply .viva-live__text');
  await expect(liveText).not.toBeEmpty({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Stop' }).click();
  await setPace(page, 0);
  await expect(page.getByText('You stopped this reply.')).toBeVisible();
  await expect(liveText).toHaveAttribute('data-phase', 'stopped');
  const stoppedLength = (await liveText.innerText()).length;
  expect(stoppedLength).toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0);

  // The next message still works (keyboard only: Enter sends).
  await box.fill('Thank you, one more question');
  await box.press('Enter');
  await expect(page.getByRole('article', { name: 'You said' }).last()).toHaveText(
    /one more question/,
  );
  await expect(replies.last()).toContainText('Based on');
  await expect.poll(() => replies.count()).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0);
  await checkScreen(page, 'viva-thread');

  // Back to the list: the thread is there, and can be renamed and deleted.
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('Conversation title').fill('Health, step by step');
  await page.getByLabel('Conversation title').press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Health, step by step');
  await page.getByRole('link', { name: '← All conversations' }).click();
  await expect(page.getByRole('link', { name: 'Health, step by step' })).toBeVisible();
  await expect(page.getByText(/Refinement · Health & Vitality · [56] messages/)).toBeVisible();
  await checkScreen(page, 'viva-list');
  await page.getByRole('link', { name: 'Health, step by step' }).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this conversation?' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Delete' }).click();
  await dialog.getByRole('button', { name: 'Delete conversation' }).click();
  await expect(page).toHaveURL(/\/viva$/);
  await expect(page.getByText('No conversations yet')).toBeVisible();
});

test('VIVA writes a section the member puts into their draft, and nothing before that', async ({
  page,
  member,
}) => {
  test.skip(test.info().project.name !== 'desktop', 'the whole journey runs once, at desktop size');
  const token = await memberToken(member);
  const draft = await callApi<{ id: string }>(token, 'POST', '/api/v1/visions', {
    title: 'My next vision',
  });

  await signIn(page, member);
  await page.goto('/viva');
  await page.getByRole('radio', { name: /Vision builder/ }).check();
  await page.getByLabel('Life area (optional)').selectOption('travel');
  await page.getByRole('button', { name: 'Start conversation' }).click();
  await expect(page).toHaveURL(/\/viva\/[0-9a-f-]{36}$/);
  const box = page.getByLabel('Your message');
  await box.fill('I want to see Japan in spring. I would like to travel with my sister.');
  await box.press('Enter');
  await expect(page.getByRole('article', { name: 'VIVA replied' })).toHaveCount(1, {
    timeout: 20_000,
  });

  // Ask for the section: the thread's area is chosen; the offline coach writes it from my words.
  const writer = page.getByRole('region', { name: 'Write a section with VIVA' });
  await expect(writer.getByLabel('Area')).toHaveValue('travel');
  await writer.getByRole('button', { name: 'Draft this section' }).click();
  const card = page.getByRole('article', { name: "VIVA's draft for Travel & Adventure" });
  await expect(card).toContainText('I see Japan in spring. I travel with my sister.');
  await expect(card.locator('.viva-usage')).toContainText('offline coach, free');
  // The request and the text are kept in the thread.
  await expect(page.getByRole('article', { name: 'VIVA replied' })).toHaveCount(2);
  // Nothing is written to the vision until the member says so.
  const before = await callApi<{ travel?: string }>(token, 'GET', `/api/v1/visions/${draft.id}`);
  expect(before.travel ?? '').toBe('');

  await card.getByRole('button', { name: 'Put it in my draft' }).click();
  await expect(card.getByRole('status')).toContainText('Added to your draft “My next vision”');
  const after = await callApi<{ travel?: string }>(token, 'GET', `/api/v1/visions/${draft.id}`);
  expect(after.travel).toBe('I see Japan in spring. I travel with my sister.');
  await card.getByRole('link', { name: 'Open the draft' }).click();
  await expect(page).toHaveURL(new RegExp(`/life-vision/${draft.id}$`));
  await checkScreen(page, 'viva-section-accepted');
});

test('VIVA on a phone: a conversation with a reply', async ({ page, member }) => {
  test.skip(test.info().project.name !== 'phone', 'the phone check');
  const token = await memberToken(member);
  const thread = await callApi<{ id: string }>(token, 'POST', '/api/v1/ai/conversations', {
    mode: 'coach',
    category: 'travel',
  });
  await callApi(token, 'POST', `/api/v1/ai/conversations/${thread.id}/messages`, {
    message: 'I want to travel more this year',
  });

  await signIn(page, member);
  await page.goto(`/viva/${thread.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'I want to travel more this year',
  );
  const reply = page.getByRole('article', { name: 'VIVA replied' });
  await expect(reply).toHaveCount(1);
  await expect(reply.getByText('Based on')).toBeVisible();
  await expect(reply.locator('.viva-usage')).toContainText('tokens');
  await expect(page.getByLabel('Your message')).toBeVisible();
  await checkScreen(page, 'viva-phone');
});
