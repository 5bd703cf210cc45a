/**
 * The profile form: which fields, how each is edited, and how a form's text becomes the API's JSON
 * value and back. Field names are the API's (ProfileAnswers, snake_case). Pure.
 */

export type FieldKind =
  'text' | 'email' | 'tel' | 'date' | 'textarea' | 'int' | 'bool' | 'select' | 'list';

export interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  /** For kind select: the API's values and what members read. */
  options?: { value: string; label: string }[];
  hint?: string;
}

export interface SectionSpec {
  id: string;
  title: string;
  lead?: string;
  fields: FieldSpec[];
}

const text = (name: string, label: string, hint?: string): FieldSpec => ({
  name,
  label,
  kind: 'text',
  ...(hint ? { hint } : {}),
});
const story = (name: string, label: string): FieldSpec => ({ name, label, kind: 'textarea' });
const yesNo = (name: string, label: string): FieldSpec => ({ name, label, kind: 'bool' });

export const SECTIONS: SectionSpec[] = [
  {
    id: 'about',
    title: 'About you',
    fields: [
      text('first_name', 'First name'),
      text('last_name', 'Last name'),
      { name: 'email', label: 'Email', kind: 'email' },
      { name: 'phone', label: 'Phone', kind: 'tel' },
      { name: 'date_of_birth', label: 'Date of birth', kind: 'date' },
      text('gender', 'Gender'),
      text('ethnicity', 'Ethnicity'),
      text('education_level', 'Education'),
    ],
  },
  {
    id: 'relationships',
    title: 'Love and family',
    fields: [
      text(
        'relationship_status',
        'Relationship status',
        'In your own words, e.g. single, dating, married, divorced.',
      ),
      text('relationship_length', 'How long together'),
      text('partner_name', "Partner's name"),
      yesNo('has_children', 'Do you have children?'),
      { name: 'number_of_children', label: 'Number of children', kind: 'int' },
      {
        name: 'children_ages',
        label: "Children's ages",
        kind: 'list',
        hint: 'Separate with commas, one per child.',
      },
    ],
  },
  {
    id: 'home',
    title: 'Where you live',
    fields: [
      text('city', 'City'),
      text('state', 'State or region'),
      text('postal_code', 'Postal code'),
      text('country', 'Country'),
      text('living_situation', 'Living situation'),
      text('time_at_location', 'Time at this place'),
    ],
  },
  {
    id: 'work',
    title: 'Work and money',
    fields: [
      text('employment_type', 'Employment'),
      text('occupation', 'Occupation'),
      text('company', 'Company'),
      text('time_in_role', 'Time in this role'),
      text('currency', 'Currency'),
      text('household_income', 'Household income'),
      text('savings_retirement', 'Savings and retirement'),
      text('assets_equity', 'Assets and equity'),
      text('consumer_debt', 'Consumer debt'),
    ],
  },
  {
    id: 'lifestyle',
    title: 'Lifestyle',
    fields: [
      { name: 'hobbies', label: 'Hobbies', kind: 'list', hint: 'Separate with commas.' },
      text('leisure_time_weekly', 'Leisure time each week'),
      {
        name: 'travel_frequency',
        label: 'How often you travel',
        kind: 'select',
        options: [
          { value: 'never', label: 'Never' },
          { value: 'yearly', label: 'Yearly' },
          { value: 'quarterly', label: 'Quarterly' },
          { value: 'monthly', label: 'Monthly' },
        ],
      },
      yesNo('passport', 'Do you have a passport?'),
      { name: 'countries_visited', label: 'Countries visited', kind: 'int' },
      text('close_friends_count', 'Close friends'),
      {
        name: 'social_preference',
        label: 'Socially, you are',
        kind: 'select',
        options: [
          { value: 'introvert', label: 'An introvert' },
          { value: 'ambivert', label: 'An ambivert' },
          { value: 'extrovert', label: 'An extrovert' },
        ],
      },
      {
        name: 'lifestyle_category',
        label: 'Lifestyle',
        kind: 'select',
        options: [
          { value: 'minimalist', label: 'Minimalist' },
          { value: 'moderate', label: 'Moderate' },
          { value: 'comfortable', label: 'Comfortable' },
          { value: 'luxury', label: 'Luxury' },
        ],
      },
      text('primary_vehicle', 'Main vehicle'),
      text('spiritual_practice', 'Spiritual practice'),
      text('meditation_frequency', 'How often you meditate'),
      yesNo('personal_growth_focus', 'Focused on personal growth?'),
      text('volunteer_status', 'Volunteering'),
      text('charitable_giving', 'Charitable giving'),
      yesNo('legacy_mindset', 'Thinking about your legacy?'),
    ],
  },
  {
    id: 'health',
    title: 'Health',
    fields: [
      text('units', 'Units', 'e.g. metric or imperial'),
      { name: 'height', label: 'Height', kind: 'int' },
      { name: 'weight', label: 'Weight', kind: 'int' },
      text('exercise_frequency', 'How often you exercise'),
      { name: 'health_conditions', label: 'Health conditions', kind: 'textarea' },
      { name: 'medications', label: 'Medications', kind: 'textarea' },
    ],
  },
  {
    id: 'stories',
    title: 'Your stories',
    lead: 'Where you are now and where you are going, in your own words. VIVA reads these.',
    fields: [
      story('current_story', 'Your life today'),
      story('desired_story', 'The life you choose'),
      story('health_vitality_story', 'Health & Vitality'),
      story('romance_partnership_story', 'Love & Romance'),
      story('family_parenting_story', 'Family & Parenting'),
      story('social_friends_story', 'Social & Friends'),
      story('career_work_story', 'Business & Career'),
      story('money_wealth_story', 'Money & Wealth'),
      story('fun_recreation_story', 'Fun & Recreation'),
      story('travel_adventure_story', 'Travel & Adventure'),
      story('home_environment_story', 'Home & Environment'),
      story('possessions_lifestyle_story', 'Possessions & Lifestyle'),
      story('spirituality_growth_story', 'Spirituality & Growth'),
      story('giving_legacy_story', 'Giving & Legacy'),
    ],
  },
  {
    id: 'notes',
    title: 'About this version',
    fields: [
      {
        name: 'version_notes',
        label: 'Notes on this version',
        kind: 'textarea',
        hint: 'Only for you: what changed, and why.',
      },
    ],
  },
];

export const FIELDS: FieldSpec[] = SECTIONS.flatMap((section) => section.fields);

/** Fields that hold media references: never edited as text, never parsed. */
export const MEDIA_FIELDS: Record<string, string> = {
  profile_picture_url: 'Profile picture',
  progress_photos: 'Progress photos',
  story_recordings: 'Story recordings',
};

const BY_NAME = new Map(FIELDS.map((field) => [field.name, field]));

export function fieldSpec(name: string): FieldSpec | undefined {
  return BY_NAME.get(name);
}

/** What members read for a field name; an unknown name is made readable, not guessed at. */
export function fieldLabel(name: string): string {
  const known = BY_NAME.get(name)?.label ?? MEDIA_FIELDS[name];
  if (known) return known;
  const words = name.replace(/[_.]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The id of a field's input (the target of links to it). */
export function inputId(name: string): string {
  return `profile-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

export type FormValues = Record<string, string>;
export type ApiValues = Record<string, unknown>;

/** An API value as the text its input shows. */
export function toFormValue(kind: FieldKind, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (kind === 'bool') return value === true ? 'yes' : value === false ? 'no' : '';
  if (kind === 'list') return Array.isArray(value) ? value.map(String).join(', ') : String(value);
  return String(value);
}

/**
 * An input's text as the API's value: blank is null (cleared); yes/no are booleans; a whole
 * number is a number (anything else is sent as typed, for the API to name as invalid); a list is
 * split at commas.
 */
export function toApiValue(kind: FieldKind, raw: string): unknown {
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  switch (kind) {
    case 'bool':
      return trimmed === 'yes' ? true : trimmed === 'no' ? false : null;
    case 'int':
      return /^-?\d+$/.test(trimmed) ? Number.parseInt(trimmed, 10) : trimmed;
    case 'list': {
      const items = trimmed
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
      return items.length > 0 ? items : null;
    }
    default:
      return raw;
  }
}

/** The form's text for every field of a version. */
export function formValuesOf(version: ApiValues): FormValues {
  const values: FormValues = {};
  for (const field of FIELDS) values[field.name] = toFormValue(field.kind, version[field.name]);
  return values;
}

/** The API values of every field of the form. */
export function apiValuesOf(form: FormValues): ApiValues {
  const values: ApiValues = {};
  for (const field of FIELDS) values[field.name] = toApiValue(field.kind, form[field.name] ?? '');
  return values;
}

/** A version's field values as the form would send them back (so unchanged fields compare equal). */
export function normalized(version: ApiValues): ApiValues {
  return apiValuesOf(formValuesOf(version));
}
