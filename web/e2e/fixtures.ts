import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/** Keycloak, as ./vf up runs it locally. LOCAL-ONLY admin credentials. */
const KEYCLOAK = process.env.VF_KEYCLOAK_URL ?? 'http://127.0.0.1:8180';
const REALM = process.env.VF_REALM ?? 'vibrationfit';
const ADMIN_USER = process.env.VF_KEYCLOAK_ADMIN ?? 'admin';
const ADMIN_PASSWORD = process.env.VF_KEYCLOAK_ADMIN_PASSWORD ?? 'admin';

export interface Member {
  id: string;
  username: string;
  password: string;
  firstName: string;
  lastName: string;
  email: string;
}

async function adminToken(): Promise<string> {
  const response = await fetch(`${KEYCLOAK}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'admin-cli',
      username: ADMIN_USER,
      password: ADMIN_PASSWORD,
    }),
  });
  if (!response.ok)
    throw new Error(`Keycloak admin token: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Creates a member who can sign in at once: password set, email verified, no required actions. */
export async function createMember(): Promise<Member> {
  const suffix = randomUUID().slice(0, 8);
  const member = {
    username: `e2e-${suffix}`,
    password: `pw-${randomUUID()}`,
    firstName: 'Robin',
    lastName: `Tester ${suffix}`,
    email: `e2e-${suffix}@example.test`,
  };
  const token = await adminToken();
  const response = await fetch(`${KEYCLOAK}/admin/realms/${REALM}/users`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      username: member.username,
      email: member.email,
      firstName: member.firstName,
      lastName: member.lastName,
      enabled: true,
      emailVerified: true,
      requiredActions: [],
      credentials: [{ type: 'password', value: member.password, temporary: false }],
    }),
  });
  if (response.status !== 201) {
    throw new Error(`Keycloak create user: ${response.status} ${await response.text()}`);
  }
  const id = response.headers.get('Location')?.split('/').pop();
  if (!id) throw new Error('Keycloak create user: no Location header');
  return { id, ...member };
}

export async function deleteMember(member: Member): Promise<void> {
  const token = await adminToken();
  await fetch(`${KEYCLOAK}/admin/realms/${REALM}/users/${member.id}`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${token}` },
  });
}

/** Opens the app signed out and signs in on Keycloak's own login page. */
export async function signIn(page: Page, member: Member): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#username').fill(member.username);
  await page.locator('#password').fill(member.password);
  await page.locator('#kc-login').click();
  // The signed-in shell: the main navigation, or at phone width the button that opens it.
  await expect(
    page
      .getByRole('navigation', { name: 'Main' })
      .or(page.getByRole('button', { name: 'Menu', exact: true }))
      .first(),
  ).toBeVisible();
}

/**
 * What a journey must never see: a console error, an uncaught exception, a request that failed at the network
 * level, or an answer of 500 or more. A 4xx the journey provokes on purpose (a stale edit's 412, a 402) is
 * allowed by listing its path and status with `problems.allow(...)`; any other 4xx from our own origin fails too.
 */
export class PageProblems {
  readonly seen: string[] = [];
  private readonly allowed: { path: RegExp; status: number }[] = [];

  allow(path: RegExp, status: number): void {
    this.allowed.push({ path, status });
  }

  watch(page: Page, origin: string): void {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // Chromium logs every 4xx/5xx answer as "Failed to load resource"; the response listener judges those.
      if (message.text().startsWith('Failed to load resource')) return;
      this.seen.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.seen.push(`uncaught: ${error.message}`));
    page.on('requestfailed', (request) => {
      const failure = request.failure()?.errorText ?? '';
      // A download the test saves, a stream the member stopped, a page left mid-load: not failures of the app.
      if (/ERR_ABORTED/.test(failure)) return;
      this.seen.push(`request failed: ${request.method()} ${request.url()} ${failure}`);
    });
    page.on('response', (response) => {
      const status = response.status();
      if (status < 400) return;
      const url = new URL(response.url());
      if (status < 500 && url.origin !== origin) return;
      if (this.allowed.some((rule) => rule.status === status && rule.path.test(url.pathname)))
        return;
      this.seen.push(`${status}: ${response.request().method()} ${url.pathname}${url.search}`);
    });
  }
}

/**
 * The quality bars every screen meets, checked where a journey has the screen in front of it: no horizontal
 * scrolling at this width, no serious or critical axe violation, and a screenshot kept as a test artifact
 * (test-results/screens/<name>-<project>.png).
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name}: horizontal scrolling`).toBeLessThanOrEqual(0);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    `${name}: accessibility`,
  ).toEqual([]);
  await page.screenshot({
    path: `test-results/screens/${name}-${test.info().project.name}.png`,
    fullPage: true,
  });
}

/** `member`: a fresh Keycloak user for each test, removed afterwards; `problems`: see PageProblems. */
export const test = base.extend<{ member: Member; problems: PageProblems }>({
  // Playwright requires the destructuring pattern, even when no other fixture is used.
  // eslint-disable-next-line no-empty-pattern
  member: async ({}, use) => {
    const member = await createMember();
    try {
      await use(member);
    } finally {
      await deleteMember(member).catch(() => undefined);
    }
  },
  problems: [
    async ({ page, baseURL }, use) => {
      const problems = new PageProblems();
      problems.watch(page, new URL(baseURL ?? 'http://127.0.0.1:8080').origin);
      await use(problems);
      expect(problems.seen, 'console errors and failed requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
