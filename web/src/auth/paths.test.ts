import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './paths';

describe('safeReturnTo', () => {
  it('keeps a path inside the app', () => {
    expect(safeReturnTo({ returnTo: '/journal?tab=2#x' })).toBe('/journal?tab=2#x');
  });

  it('never leaves the app or loops through the sign-in paths', () => {
    expect(safeReturnTo({ returnTo: 'https://evil.example/' })).toBe('/');
    expect(safeReturnTo({ returnTo: '//evil.example/' })).toBe('/');
    expect(safeReturnTo({ returnTo: '/\\evil.example' })).toBe('/');
    expect(safeReturnTo({ returnTo: '/auth/callback?code=1' })).toBe('/');
    expect(safeReturnTo({ returnTo: '/auth/silent.html' })).toBe('/');
    expect(safeReturnTo(undefined)).toBe('/');
    expect(safeReturnTo({ returnTo: 42 })).toBe('/');
  });
});
