import { FieldError } from '../../ui/FieldError';
import { fieldErrorProps } from '../../ui/fieldIds';
import { inputId, type FieldSpec } from './fields';

/** One field of the profile form, with its hint and the server's message beside it. */
export function ProfileField({
  spec,
  value,
  errors,
  onChange,
  onBlur,
}: {
  spec: FieldSpec;
  value: string;
  errors: Record<string, string>;
  onChange: (value: string) => void;
  onBlur: () => void;
}) {
  const id = inputId(spec.name);
  const hintId = spec.hint ? `${id}-hint` : undefined;
  const aria = fieldErrorProps(spec.name, errors, hintId);
  const common = {
    id,
    name: spec.name,
    value,
    onBlur,
    ...aria,
  };
  let input;
  switch (spec.kind) {
    case 'textarea':
      input = (
        <textarea
          {...common}
          className="vf-textarea"
          rows={4}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
    case 'bool':
    case 'select':
      input = (
        <select {...common} className="vf-select" onChange={(e) => onChange(e.target.value)}>
          <option value="">Not answered</option>
          {spec.kind === 'bool' ? (
            <>
              <option value="yes">Yes</option>
              <option value="no">No</option>
            </>
          ) : (
            spec.options?.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))
          )}
        </select>
      );
      break;
    default:
      input = (
        <input
          {...common}
          className="vf-input"
          type={
            spec.kind === 'email'
              ? 'email'
              : spec.kind === 'tel'
                ? 'tel'
                : spec.kind === 'date'
                  ? 'date'
                  : 'text'
          }
          inputMode={spec.kind === 'int' ? 'numeric' : undefined}
          autoComplete={AUTOCOMPLETE[spec.name] ?? 'off'}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
  return (
    <div className={`vf-field${spec.kind === 'textarea' ? ' pf-field--wide' : ''}`}>
      <label className="vf-label" htmlFor={id}>
        {spec.label}
      </label>
      {spec.hint && (
        <p id={hintId} className="vf-hint">
          {spec.hint}
        </p>
      )}
      {input}
      <FieldError name={spec.name} errors={errors} />
    </div>
  );
}

const AUTOCOMPLETE: Record<string, string> = {
  first_name: 'given-name',
  last_name: 'family-name',
  email: 'email',
  phone: 'tel',
  date_of_birth: 'bday',
  city: 'address-level2',
  state: 'address-level1',
  postal_code: 'postal-code',
  country: 'country-name',
  occupation: 'organization-title',
  company: 'organization',
};
