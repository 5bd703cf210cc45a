import { useState } from 'react';

/**
 * A form's field errors by input name (from its own checks or the server's 400), and `clear(name)`
 * for when the member edits that input: its message goes, the others stay until the next submit.
 */
export function useFieldErrors() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const clear = (name: string) => {
    if (!errors[name]) return;
    setErrors((current) => {
      const next = { ...current };
      delete next[name];
      return next;
    });
  };
  /**
   * Shows the errors the form's own checks found and moves focus to the first one's input (its id
   * is `idPrefix` + the field name); true when there are none, so the form can be sent.
   */
  const check = (found: Record<string, string>, idPrefix: string): boolean => {
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) document.getElementById(`${idPrefix}${first}`)?.focus();
    return !first;
  };
  return { errors, setErrors, clear, check };
}
