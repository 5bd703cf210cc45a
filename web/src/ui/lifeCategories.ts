/** The 12 life categories in their canonical order, with the names members see. */
export const LIFE_CATEGORIES = [
  'fun',
  'travel',
  'home',
  'family',
  'romance',
  'health',
  'money',
  'business',
  'social',
  'possessions',
  'giving',
  'spirituality',
] as const;

export type LifeCategory = (typeof LIFE_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<LifeCategory, string> = {
  fun: 'Fun & Recreation',
  travel: 'Travel & Adventure',
  home: 'Home & Environment',
  family: 'Family & Parenting',
  romance: 'Love & Romance',
  health: 'Health & Vitality',
  money: 'Money & Wealth',
  business: 'Business & Career',
  social: 'Social & Friends',
  possessions: 'Possessions & Lifestyle',
  giving: 'Giving & Legacy',
  spirituality: 'Spirituality & Growth',
};

export function isLifeCategory(value: string): value is LifeCategory {
  return (LIFE_CATEGORIES as readonly string[]).includes(value);
}

/** The label of a category key; an unknown key is shown as it is. */
export function categoryLabel(key: string): string {
  return isLifeCategory(key) ? CATEGORY_LABELS[key] : key;
}

/** The known keys among these, in the canonical order (unknown keys dropped). */
export function sortCategories(keys: readonly string[] | undefined | null): LifeCategory[] {
  const chosen = new Set(keys ?? []);
  return LIFE_CATEGORIES.filter((key) => chosen.has(key));
}
