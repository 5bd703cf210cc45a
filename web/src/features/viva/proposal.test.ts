import { describe, expect, it } from 'vitest';
import type { Vision } from '../life-vision/versions';
import { draftTarget } from './proposal';

const version = (id: string, status: string, isActive = false): Vision =>
  ({ id, status, is_active: isActive }) as Vision;

describe('where an accepted section goes', () => {
  it('into the newest draft', () => {
    const versions = [
      version('v3', 'draft'),
      version('v2', 'complete', true),
      version('v1', 'draft'),
    ];
    expect(draftTarget(versions)).toEqual({ fill: versions[0] });
  });

  it('into a new draft copied from the active version, else the newest complete one', () => {
    expect(draftTarget([version('v2', 'complete'), version('v1', 'complete', true)])).toEqual({
      copyFrom: 'v1',
    });
    expect(draftTarget([version('v2', 'complete'), version('v1', 'complete')])).toEqual({
      copyFrom: 'v2',
    });
  });

  it('into a new empty draft when there is no version yet', () => {
    expect(draftTarget([])).toEqual({ copyFrom: null });
  });
});
