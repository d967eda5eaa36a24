// How clicks and keys in the customer grid select rows (the rule, in words, is in
// docs/customer-list.md#selecting-customers): a plain click or arrow selects that row alone, Ctrl /
// Cmd adds or removes, Shift takes the range from the anchor, the row's checkbox adds or removes,
// Space toggles, Ctrl/Cmd+A takes the whole view, Escape clears. Pure over a RowSelection.
import type { RowSelection } from '../../lib/state/row-selection.svelte';

type Modifiers = Pick<MouseEvent, 'shiftKey' | 'ctrlKey' | 'metaKey'>;

const command = (event: Modifiers) => event.ctrlKey || event.metaKey;

/**
 * A click on the row at `index` (`onBox`: on its checkbox). True when the click selected (so it
 * does not open the customer); false for a plain click on the row, which selects the row alone
 * and lets the grid open it.
 */
export function clickSelects(
  selection: RowSelection,
  docs: ArrayLike<number>,
  event: Modifiers,
  index: number,
  onBox: boolean,
): boolean {
  const doc = docs[index];
  if (doc === undefined) return true;
  if (event.shiftKey) {
    selection.selectRange(index, { add: onBox || command(event) });
  } else if (onBox || command(event)) {
    selection.toggle(doc);
  } else {
    selection.selectOnly(doc);
    return false;
  }
  return true;
}

/**
 * A key in the grid with the active row at `index`. `moved`: an arrow, Home/End or Page key has
 * just moved the active row there (plain: the selection follows it; Shift: the range from the
 * anchor; Ctrl/Cmd: it moves alone). Otherwise Space, Ctrl/Cmd+A and Escape. True when the key was
 * a selection key.
 */
export function keySelects(
  selection: RowSelection,
  docs: ArrayLike<number>,
  event: Modifiers & Pick<KeyboardEvent, 'key' | 'altKey'>,
  index: number,
  moved: boolean,
): boolean {
  const doc = docs[index];
  if (moved) {
    if (doc === undefined || command(event)) return true;
    if (event.shiftKey) selection.selectRange(index);
    else selection.selectOnly(doc);
    return true;
  }
  if (event.key === ' ' && doc !== undefined && !event.altKey) {
    if (event.shiftKey) selection.selectRange(index, { add: true });
    else selection.toggle(doc);
    return true;
  }
  if (event.key.toLowerCase() === 'a' && command(event) && !event.shiftKey && !event.altKey) {
    selection.selectAll();
    return true;
  }
  if (event.key === 'Escape' && selection.count > 0) {
    selection.clear();
    return true;
  }
  return false;
}
