import { fieldErrorId } from './fieldIds';

/**
 * The message for one field, placed right after its input. Give the input
 * `{...fieldErrorProps(name, errors)}` so that it is marked invalid and described by this.
 */
export function FieldError({
  name,
  errors,
}: {
  name: string;
  errors: Record<string, string> | undefined;
}) {
  const message = errors?.[name];
  if (!message) return null;
  return (
    <p id={fieldErrorId(name)} className="vf-field-error">
      {message}
    </p>
  );
}
