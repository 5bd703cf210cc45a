import { describe, expect, it } from 'vitest';
import { ApiFailure, problemToUiError } from '../api/problem';
import { saveFailure } from './useFormSave';

const failure = (status: number, body?: unknown) => new ApiFailure(problemToUiError(status, body));

describe('saveFailure', () => {
  it('sends a 412 to the stale-edit dialog', () => {
    expect(saveFailure(failure(412), false)).toEqual({ stale: true });
  });

  it('puts a 400 naming fields at their inputs, and in a notice only when asked', () => {
    const refused = failure(400, {
      status: 400,
      errors: [
        { field: 'name', message: 'Too long' },
        { field: 'image_urls[1]', message: 'Not found' },
      ],
    });
    const quiet = saveFailure(refused, false);
    expect(quiet).toEqual({
      stale: false,
      fieldErrors: { name: 'Too long', image_urls: 'Not found' },
      notice: null,
    });
    const said = saveFailure(refused, true);
    expect(said.stale === false && said.notice?.kind).toBe('validation');
  });

  it('shows any other failure as a notice', () => {
    const down = saveFailure(failure(503), false);
    expect(down.stale === false && down.fieldErrors).toBe(null);
    expect(down.stale === false && down.notice?.kind).toBe('server');
    const offline = saveFailure(new TypeError('Failed to fetch'), false);
    expect(offline.stale === false && offline.notice?.kind).toBe('offline');
  });
});
