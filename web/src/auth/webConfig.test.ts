import { describe, expect, it } from 'vitest';
import { loadWebConfig, parseWebConfig } from './webConfig';

describe('web config', () => {
  it('accepts the gateway document', () => {
    expect(
      parseWebConfig({
        authority: 'http://127.0.0.1:8180/realms/vibrationfit',
        clientId: 'vibrationfit-web',
      }),
    ).toEqual({
      authority: 'http://127.0.0.1:8180/realms/vibrationfit',
      clientId: 'vibrationfit-web',
    });
  });

  it('refuses a document without authority or clientId', () => {
    expect(() => parseWebConfig({ authority: 'x' })).toThrow();
    expect(() => parseWebConfig({ authority: '', clientId: 'c' })).toThrow();
    expect(() => parseWebConfig('<html>')).toThrow();
  });

  it('fails on an error answer instead of signing in against nothing', async () => {
    const fetch404 = async () => new Response('not found', { status: 404 });
    await expect(loadWebConfig(fetch404 as typeof fetch)).rejects.toThrow(/404/);
  });
});
