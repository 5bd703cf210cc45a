/** The id of a field's error message, from its JSON name (`sections[1].text` → `sections-1-text-error`). */
export function fieldErrorId(name: string): string {
  const slug = name
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return `${slug || 'field'}-error`;
}

/**
 * The aria attributes an input needs so that its error is announced with it:
 * `<input {...fieldErrorProps('title', error?.fieldErrors)} />`.
 */
export function fieldErrorProps(
  name: string,
  errors: Record<string, string> | undefined,
  describedBy?: string,
): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  const ids = [describedBy, errors?.[name] ? fieldErrorId(name) : undefined].filter(Boolean);
  return {
    ...(errors?.[name] ? { 'aria-invalid': true as const } : {}),
    ...(ids.length > 0 ? { 'aria-describedby': ids.join(' ') } : {}),
  };
}
