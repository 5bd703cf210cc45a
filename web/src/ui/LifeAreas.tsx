import { FieldError } from './FieldError';
import { fieldErrorProps } from './fieldIds';
import {
  CATEGORY_LABELS,
  LIFE_CATEGORIES,
  sortCategories,
  type LifeCategory,
} from './lifeCategories';

/**
 * The "Life areas" checkboxes of a form (a journal entry, a vision-board item): one per category,
 * the choice always handed back in canonical order. Its errors are the API field `categories`.
 */
export function LifeAreasFieldset({
  chosen,
  onChange,
  errors,
  className,
}: {
  chosen: readonly string[];
  onChange: (categories: LifeCategory[]) => void;
  errors: Record<string, string>;
  /** The feature's spacing around the fieldset. */
  className?: string;
}) {
  const selected = sortCategories(chosen);
  return (
    <fieldset
      className={className ? `vf-fieldset ${className}` : 'vf-fieldset'}
      {...fieldErrorProps('categories', errors)}
    >
      <legend className="vf-label">Life areas</legend>
      <ul className="vf-checks">
        {LIFE_CATEGORIES.map((key) => (
          <li key={key}>
            <label className="vf-check">
              <input
                type="checkbox"
                checked={selected.includes(key)}
                onChange={(event) =>
                  onChange(
                    sortCategories(
                      event.target.checked ? [...selected, key] : selected.filter((c) => c !== key),
                    ),
                  )
                }
              />
              {CATEGORY_LABELS[key]}
            </label>
          </li>
        ))}
      </ul>
      <FieldError name="categories" errors={errors} />
    </fieldset>
  );
}

/** A card's life areas as tags, in canonical order; nothing when it has none. */
export function LifeAreaTags({ categories }: { categories: readonly string[] | null | undefined }) {
  const keys = sortCategories(categories);
  if (keys.length === 0) return null;
  return (
    <ul className="vf-tag-list" aria-label="Life areas">
      {keys.map((key) => (
        <li key={key} className="vf-tag">
          {CATEGORY_LABELS[key]}
        </li>
      ))}
    </ul>
  );
}

/** A filter's life area: "Every life area" (the empty value) or one of them. Label it by `id`. */
export function LifeAreaSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <select
      id={id}
      className="vf-select"
      value={value}
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">Every life area</option>
      {LIFE_CATEGORIES.map((key) => (
        <option key={key} value={key}>
          {CATEGORY_LABELS[key]}
        </option>
      ))}
    </select>
  );
}
