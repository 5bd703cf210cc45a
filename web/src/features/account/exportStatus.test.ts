import { describe, expect, it } from 'vitest';
import { exportStatus, formatBytes, linkUsable, pollDelay, serviceName } from './exportStatus';

const SIX = [
  'profile-service',
  'vision-service',
  'assessment-service',
  'journal-service',
  'media-service',
  'ai-usage-service',
];

describe('exportStatus', () => {
  it('counts the parts collected and names what it waits for', () => {
    const status = exportStatus({
      state: 'collecting',
      parts: SIX.slice(0, 4).map((service) => ({ service })),
      waiting_for: ['media-service', 'journal-service'],
    });
    expect(status.tone).toBe('progress');
    expect(status.polling).toBe(true);
    expect(status.progress).toEqual({ value: 4, max: 6 });
    expect(status.detail).toBe(
      '4 of 6 parts collected. Waiting for your photos, recordings and narrations and your journal.',
    );
  });

  it('says the zip is being built once every part is in', () => {
    const status = exportStatus({
      state: 'collecting',
      parts: SIX.map((service) => ({ service })),
      waiting_for: [],
    });
    expect(status.detail).toBe('Every part is in; the zip is being put together.');
    expect(status.progress).toEqual({ value: 6, max: 6 });
    expect(status.polling).toBe(true);
  });

  it('follows a brand new export that lists nothing yet', () => {
    const status = exportStatus({ state: 'collecting' });
    expect(status.polling).toBe(true);
    expect(status.progress).toBeUndefined();
    expect(status.detail).toMatch(/Collecting your data/);
  });

  it('describes a ready archive, and the files that went missing', () => {
    const ready = exportStatus({
      state: 'ready',
      size_bytes: 4054,
      file_count: 4,
      missing_files: [],
      expires_at: '2026-12-13T21:59:28Z',
      download_url: 'https://s3/zip',
    });
    expect(ready.tone).toBe('ready');
    expect(ready.polling).toBe(false);
    expect(ready.detail).toMatch(
      /^One zip with everything we hold about you: 4\.0 KB, 4 media files, kept until /,
    );
    const missing = exportStatus({ state: 'ready', file_count: 1, missing_files: ['a.jpg'] });
    expect(missing.detail).toContain('1 media file');
    expect(missing.detail).toContain(
      '1 file was deleted before it was built and is listed in it as missing.',
    );
  });

  it('says why an export failed, and that an expired one can be asked for again', () => {
    const failed = exportStatus({
      state: 'failed',
      failure: 'no part from journal-service within 10m',
    });
    expect(failed.tone).toBe('failed');
    expect(failed.polling).toBe(false);
    expect(failed.detail).toBe(
      'No part from journal-service within 10m. Nothing is lost: ask for a new export.',
    );
    const expired = exportStatus({ state: 'expired' });
    expect(expired.title).toBe('This export has expired');
    expect(expired.polling).toBe(false);
  });
});

describe('polling and links', () => {
  it('asks every second at first, then less often', () => {
    expect(pollDelay(0)).toBe(1000);
    expect(pollDelay(9)).toBe(1000);
    expect(pollDelay(10)).toBe(2000);
    expect(pollDelay(100)).toBe(5000);
  });

  it('uses a download link only while it is valid', () => {
    const now = Date.parse('2026-12-06T22:00:00Z');
    const ready = { state: 'ready' as const, download_url: 'https://s3/zip' };
    expect(linkUsable({ ...ready, download_url_expires_at: '2026-12-06T22:05:00Z' }, now)).toBe(
      true,
    );
    expect(linkUsable({ ...ready, download_url_expires_at: '2026-12-06T22:00:10Z' }, now)).toBe(
      false,
    );
    expect(linkUsable({ ...ready }, now)).toBe(true);
    expect(linkUsable({ state: 'collecting', download_url: 'x' }, now)).toBe(false);
    expect(linkUsable({ state: 'ready' }, now)).toBe(false);
  });

  it('weighs bytes and names services', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(900)).toBe('900 bytes');
    expect(formatBytes(4054)).toBe('4.0 KB');
    expect(formatBytes(5_369_712_640)).toBe('5.0 GB');
    expect(formatBytes(undefined)).toBe('');
    expect(serviceName('ai-usage-service')).toBe('your AI tokens and VIVA conversations');
    expect(serviceName('new-service')).toBe('new');
  });
});
