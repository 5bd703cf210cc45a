import { randomUUID } from 'node:crypto';
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
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeAttached();
}

/** `member`: a fresh Keycloak user for each test, removed afterwards. */
export const test = base.extend<{ member: Member }>({
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
});

export { expect };
