/** The Life Vision screen's own wording for some answers. Pure. */
import type { UiError } from '../../api/problem';
import { sectionLabel } from './sections';

/** 409 on delete: the version is complete (perhaps completed in another tab). */
export function deleteErrorOf(error: UiError): UiError {
  if (error.kind !== 'conflict') return error;
  return {
    ...error,
    title: "A complete version can't be deleted",
    message:
      'This version is complete: complete versions are kept as the history of your vision. Only drafts can be deleted.',
  };
}

/** 422 on "Mark complete": the blank categories, in the order the server listed them. */
export function blankSectionsOf(error: UiError | null): string[] {
  if (!error || error.status !== 422) return [];
  return Object.keys(error.fieldErrors);
}

/** The words of a failed "Mark complete". */
export function completeErrorOf(error: UiError): UiError {
  const blank = blankSectionsOf(error);
  if (blank.length === 0) return error;
  return {
    ...error,
    title: 'A few sections are still blank',
    message: `A vision is complete when all 12 life categories are written. Still blank: ${blank
      .map(sectionLabel)
      .join(', ')}.`,
  };
}
