// The rules for a saved view's name, shared by the form (a message as the salesperson types) and
// the store (which checks again inside its transaction, so two windows cannot both win).

/** The built-in views: a saved view may not borrow their names. */
export const builtInViewNames = ['All customers', 'Favourites', 'Recently opened'] as const;

export const maxViewNameLength = 60;

/** The name as it is kept: trimmed, inner runs of spaces made one. */
export function tidyViewName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/** Names compare without case, so "Key accounts" and "key accounts" are the same view. */
function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

/**
 * Why `name` cannot be used, in words, or null when it can. `others` are the names of the
 * connection's other saved views (not the one being renamed).
 */
export function viewNameProblem(name: string, others: readonly string[]): string | null {
  const tidy = tidyViewName(name);
  if (tidy === '') return 'Give the view a name.';
  if (tidy.length > maxViewNameLength) {
    return `A view's name can be at most ${maxViewNameLength} characters (this one has ${tidy.length}).`;
  }
  if (builtInViewNames.some((builtIn) => sameName(builtIn, tidy))) {
    return `“${tidy}” is the name of a built-in view. Choose another name.`;
  }
  if (others.some((other) => sameName(other, tidy))) {
    return `There is already a view named “${tidy}”. Choose another name.`;
  }
  return null;
}
