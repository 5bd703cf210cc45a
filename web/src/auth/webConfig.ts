/**
 * The app's runtime settings, served by the gateway at /web-config.json, so that one build runs
 * against any Keycloak (local, staging, production) without rebuilding.
 */
export interface WebConfig {
  /** The OpenID Connect issuer, e.g. http://127.0.0.1:8180/realms/vibrationfit */
  authority: string;
  /** The public client, vibrationfit-web */
  clientId: string;
}

export function parseWebConfig(body: unknown): WebConfig {
  if (typeof body === 'object' && body !== null) {
    const { authority, clientId } = body as Record<string, unknown>;
    if (
      typeof authority === 'string' &&
      authority !== '' &&
      typeof clientId === 'string' &&
      clientId !== ''
    ) {
      return { authority, clientId };
    }
  }
  throw new Error('web-config.json must hold "authority" and "clientId" strings');
}

export async function loadWebConfig(fetchImpl: typeof fetch = fetch): Promise<WebConfig> {
  const response = await fetchImpl('/web-config.json', {
    headers: { Accept: 'application/json' },
    cache: 'no-store',
  });
  if (!response.ok) throw new Error(`web-config.json answered ${response.status}`);
  return parseWebConfig(await response.json());
}
