import { describe, expect, it } from 'vitest';
import {
  emptyEntry,
  entryErrors,
  entryFields,
  entryHeading,
  entryPatch,
  errorsByInput,
  excerpt,
  newEntryBody,
  photosOf,
  rebase,
  type EntryFields,
} from './entry';

const base: EntryFields = {
  date: '2026-12-06',
  title: 'Morning walk',
  content: 'The heron by the river.',
  categories: ['health'],
  image_urls: ['s3://b/users/u/journal_image/1.png'],
};

describe('entryFields', () => {
  it('reads an entry, nulls as blanks and life areas in order', () => {
    expect(
      entryFields({
        date: '2026-12-06',
        title: null as unknown as string,
        content: 'x',
        // a value the API does not send today: ignored
        categories: ['money', 'fun', 'nope' as never],
      }),
    ).toEqual({
      date: '2026-12-06',
      title: '',
      content: 'x',
      categories: ['fun', 'money'],
      image_urls: [],
    });
  });
});

describe('entryErrors', () => {
  it('needs a real date and bounded text', () => {
    expect(entryErrors(emptyEntry('2026-12-06'))).toEqual({});
    expect(entryErrors({ ...base, date: '' })).toHaveProperty('date');
    expect(entryErrors({ ...base, title: 'x'.repeat(201) }).title).toMatch(/200 characters/);
    expect(entryErrors({ ...base, image_urls: Array(21).fill('s3://x') })).toHaveProperty(
      'image_urls',
    );
  });

  it('puts element errors beside their input', () => {
    expect(
      errorsByInput({
        'image_urls[0]': 'not one of your uploads',
        'audio_recordings[1].url': 'unknown',
        title: 'too long',
      }),
    ).toEqual({
      image_urls: 'not one of your uploads',
      audio_recordings: 'unknown',
      title: 'too long',
    });
  });
});

describe('bodies', () => {
  it('creates with the recordings made before the entry existed', () => {
    const recording = {
      url: 's3://b/users/u/journal_audio/1.webm',
      type: 'audio' as const,
      duration: 2,
    };
    expect(newEntryBody({ ...base, title: '  ' }, [recording])).toEqual({
      date: '2026-12-06',
      content: 'The heron by the river.',
      categories: ['health'],
      image_urls: base.image_urls,
      audio_recordings: [recording],
    });
    expect(newEntryBody(base, [])).not.toHaveProperty('audio_recordings');
  });

  it('patches only what changed', () => {
    expect(entryPatch(base, base)).toEqual({});
    expect(entryPatch(base, { ...base, title: ' Evening walk ', image_urls: [] })).toEqual({
      title: 'Evening walk',
      image_urls: [],
    });
  });
});

describe('rebase', () => {
  it('takes the server values of fields I did not touch, and keeps my edits', () => {
    const mine = { ...base, content: 'The heron, and a kingfisher.' };
    const server = { ...base, title: 'Walk by the river', content: 'Server text' };
    expect(rebase(base, mine, server)).toEqual({
      ...base,
      title: 'Walk by the river',
      content: 'The heron, and a kingfisher.',
    });
  });
});

describe('list helpers', () => {
  it('pairs photos with their links', () => {
    expect(photosOf({ image_urls: ['s3://a', 's3://b'], image_links: ['https://x/a'] })).toEqual([
      { url: 's3://a', link: 'https://x/a' },
      { url: 's3://b', link: null },
    ]);
  });

  it('cuts long text at a word', () => {
    expect(excerpt('short')).toBe('short');
    expect(excerpt('one two three four five', 11)).toBe('one two…');
    expect(excerpt('abcdefghijklmnop qr', 10)).toBe('abcdefghij…');
  });

  it('heads an untitled entry with its day', () => {
    expect(entryHeading({ title: ' ' }, 'Sun 6 Dec 2026')).toBe('Entry of Sun 6 Dec 2026');
    expect(entryHeading({ title: 'Walk' }, 'x')).toBe('Walk');
  });
});
