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

/**
 * Field errors of the server, by the input that shows them: `image_urls[2]` and
 * `audio_recordings[0].url` belong to the list's input; two messages for one input are joined.
 */
export function errorsByInput(errors: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const key = field.replace(/\[\d+\](\..*)?$/, '');
    result[key] = result[key] ? `${result[key]}; ${message}` : message;
  }
  return result;
}
