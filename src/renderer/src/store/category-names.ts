import { create } from 'zustand';
import type { CategoryInfo } from '../../../shared/categories';

/**
 * What the person calls each category, by the text rows carry (a Plaid key or a name), so every
 * label in the window shows a renamed category by its new name. Filled from `categories.list` by
 * the app shell; `version` lets a screen re-render when the names change.
 */
interface CategoryNamesState {
  byRef: ReadonlyMap<string, string>;
  /** Rows typed before the list had their category match it whatever the letter case. */
  byName: ReadonlyMap<string, string>;
  version: number;
  load(list: readonly CategoryInfo[]): void;
}

export const useCategoryNames = create<CategoryNamesState>((set, get) => ({
  byRef: new Map(),
  byName: new Map(),
  version: 0,
  load(list) {
    const byRef = new Map(list.map((c) => [c.category, c.name]));
    const byName = new Map(list.map((c) => [c.name.toLowerCase(), c.name]));
    const same =
      byRef.size === get().byRef.size && [...byRef].every(([k, v]) => get().byRef.get(k) === v);
    if (!same) set((s) => ({ byRef, byName, version: s.version + 1 }));
  },
}));

/** The person's name for a category's text, or null when the list does not know it (yet). */
export function categoryName(category: string): string | null {
  const { byRef, byName } = useCategoryNames.getState();
  return byRef.get(category) ?? byName.get(category.toLowerCase()) ?? null;
}
