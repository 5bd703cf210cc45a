import { describe, expect, it } from 'vitest';
import { confirmMatches, usernameFromToken } from './confirm';

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256' })}.${part(claims)}.signature`;
}

describe('confirmMatches', () => {
  it('turns the delete button on only for the exact username', () => {
    expect(confirmMatches('e2e-1a2b3c4d', 'e2e-1a2b3c4d')).toBe(true);
    expect(confirmMatches('  e2e-1a2b3c4d ', 'e2e-1a2b3c4d')).toBe(true);
    expect(confirmMatches('E2E-1A2B3C4D', 'e2e-1a2b3c4d')).toBe(false);
    expect(confirmMatches('e2e-1a2b3c4', 'e2e-1a2b3c4d')).toBe(false);
    expect(confirmMatches('', 'e2e-1a2b3c4d')).toBe(false);
  });

  it('leaves the check to the server when the username is not known', () => {
    expect(confirmMatches('alice', undefined)).toBe(true);
    expect(confirmMatches('   ', undefined)).toBe(false);
  });
});

describe('usernameFromToken', () => {
  it('reads preferred_username, including non-ASCII names', () => {
    expect(usernameFromToken(jwt({ sub: 'x', preferred_username: 'e2e-1a2b3c4d' }))).toBe(
      'e2e-1a2b3c4d',
    );
    expect(usernameFromToken(jwt({ preferred_username: 'zoë' }))).toBe('zoë');
  });

  it('is undefined for a missing claim or an unreadable token', () => {
    expect(usernameFromToken(jwt({ sub: 'x' }))).toBeUndefined();
    expect(usernameFromToken('not-a-jwt')).toBeUndefined();
    expect(usernameFromToken('a.!!!.c')).toBeUndefined();
    expect(usernameFromToken(undefined)).toBeUndefined();
  });
});
