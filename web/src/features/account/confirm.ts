/**
 * Deleting an account asks the member to type their username, exactly as the server checks it
 * (`DELETE /api/v1/account` with `{"confirm": "<username>"}`, compared with the token's
 * `preferred_username`). Pure.
 */

/**
 * Whether the delete button may be pressed: what was typed is the username (spaces around it are
 * forgiven; case is not). When the app could not read the username, anything typed may be sent
 * and the server judges it (400 naming `confirm` when it is not the username).
 */
export function confirmMatches(typed: string, username: string | undefined | null): boolean {
  const value = typed.trim();
  if (value === '') return false;
  return username ? value === username : true;
}

function base64UrlDecode(part: string): string {
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/**
 * The `preferred_username` claim of an access token (a JWT): the name the server compares the
 * confirmation with. Undefined when the token cannot be read. Nothing is verified here: the server
 * does that.
 */
export function usernameFromToken(token: string | undefined | null): string | undefined {
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(base64UrlDecode(payload)) as Record<string, unknown>;
    const name = claims.preferred_username;
    return typeof name === 'string' && name !== '' ? name : undefined;
  } catch {
    return undefined;
  }
}
