/**
 * Calling the API directly from a journey, as a member or as the realm's admin, to set up data a
 * test needs (or read what a screen should show) without clicking through another screen.
 * Keycloak's password grant on the public client; LOCAL-ONLY credentials.
 */
import type { Member } from './fixtures';

const KEYCLOAK = process.env.VF_KEYCLOAK_URL ?? 'http://127.0.0.1:8180';
const REALM = process.env.VF_REALM ?? 'vibrationfit';
const GATEWAY = process.env.VF_GATEWAY_URL ?? 'http://127.0.0.1:8080';
/** The realm's own admin user (realm role `admin`), as ./vf up creates it. LOCAL ONLY. */
const REALM_ADMIN = { username: 'admin', password: 'admin' };

/** An access token for a user of the realm (password grant on the web client). */
export async function passwordToken(username: string, password: string): Promise<string> {
  const response = await fetch(`${KEYCLOAK}/realms/${REALM}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'vibrationfit-web',
      username,
      password,
    }),
  });
  if (!response.ok)
    throw new Error(`token for ${username}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export function memberToken(member: Member): Promise<string> {
  return passwordToken(member.username, member.password);
}

export function realmAdminToken(): Promise<string> {
  return passwordToken(REALM_ADMIN.username, REALM_ADMIN.password);
}

/**
 * A JSON call through the gateway; throws unless the answer is 2xx. Returns the parsed body (or
 * undefined). A 503 or 429 (the platform busy for a moment) is sent again after its Retry-After,
 * a few times, as the app's own Retry would.
 */
export async function callApi<T = unknown>(
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(`${GATEWAY}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if ((response.status === 503 || response.status === 429) && attempt < 4) {
      const wait = Number(response.headers.get('Retry-After')) || 1;
      await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 5) * 1000));
      continue;
    }
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
