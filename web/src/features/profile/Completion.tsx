import type { ProfileVersion } from './versions';
import { completionOf } from './versions';
import { fieldLabel, inputId } from './fields';

/** The most missing fields named before the list says "and N more": the rest are one scroll away. */
const NAMED = 12;

/**
 * How complete a profile version is, and which fields it still misses (the API's `missing_fields`, in
 * form order). In the editor each missing field links to its input.
 */
export function Completion({ version, linked }: { version: ProfileVersion; linked: boolean }) {
  const completion = completionOf(version);
  const missing = version.missing_fields ?? [];
  const named = missing.slice(0, NAMED);
  return (
    <div className="pf-completion">
      <p className="pf-completion__figure">
        <span>{completion}% complete</span>
        <progress
          className="vf-progress pf-completion__bar"
          max={100}
          value={completion}
          aria-label={`Profile ${completion}% complete`}
        />
      </p>
      {missing.length > 0 && (
        <details className="pf-missing">
          <summary>
            {missing.length === 1 ? '1 field to answer' : `${missing.length} fields to answer`}
          </summary>
          <ul className="pf-missing__list" aria-label="Fields to answer">
            {named.map((field) => (
              <li key={field}>
                {linked ? (
                  <a href={`#${inputId(field)}`}>{fieldLabel(field)}</a>
                ) : (
                  fieldLabel(field)
                )}
              </li>
            ))}
            {missing.length > named.length && <li>and {missing.length - named.length} more</li>}
          </ul>
        </details>
      )}
    </div>
  );
}
