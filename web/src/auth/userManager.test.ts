import { describe, expect, it } from 'vitest';
import { authSettings } from './userManager';

class RecordingStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const config = {
  authority: 'http://127.0.0.1:8180/realms/vibrationfit',
  clientId: 'vibrationfit-web',
};

describe('authSettings', () => {
  it('uses the code flow with the app-owned callback paths', () => {
    const settings = authSettings(config, 'http://127.0.0.1:8080');
    expect(settings).toMatchObject({
      authority: config.authority,
      client_id: 'vibrationfit-web',
      response_type: 'code',
      redirect_uri: 'http://127.0.0.1:8080/auth/callback',
      silent_redirect_uri: 'http://127.0.0.1:8080/auth/silent.html',
      post_logout_redirect_uri: 'http://127.0.0.1:8080/',
      scope: 'openid profile email',
      automaticSilentRenew: true,
    });
  });

  it('keeps the signed-in user (tokens) in memory, never in the page storage', async () => {
    const session = new RecordingStorage();
    const settings = authSettings(config, 'http://127.0.0.1:8080', session);
    await settings.userStore!.set('user:x', '{"access_token":"secret"}');
    expect(await settings.userStore!.get('user:x')).toContain('secret');
    expect(session.length).toBe(0);
    // the PKCE state does go to the given storage, so it survives the redirect
    await settings.stateStore!.set('state', '{"code_verifier":"v"}');
    expect(session.length).toBe(1);
  });
});
