/**
 * Keyboard of the WAI-ARIA menu-button pattern, as pure decisions the element carries out: which key
 * opens the menu on which item, and where focus goes inside the open menu.
 */

/** What a key pressed on the closed menu's button does: open on the first or last item, or nothing. */
export function buttonKey(key: string): 'first' | 'last' | null {
  if (key === 'Enter' || key === ' ' || key === 'ArrowDown') return 'first';
  if (key === 'ArrowUp') return 'last';
  return null;
}

/** What a key pressed inside the open menu does. */
export type MenuAction =
  | { kind: 'move'; index: number }
  | { kind: 'activate' }
  | { kind: 'close'; restoreFocus: boolean; preventDefault: boolean }
  | { kind: 'type'; char: string }
  | null;

/**
 * Arrow keys wrap around; Home and End jump; Enter and Space activate; Escape closes and puts focus
 * back on the button; Tab closes too, with focus on the button so that the browser's own Tab then
 * moves on from there (the panel never keeps focus once closed); a printable character types ahead.
 */
export function menuKey(
  event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>,
  index: number,
  count: number,
): MenuAction {
  if (count === 0) return event.key === 'Escape' || event.key === 'Tab' ? closeOn(event.key) : null;
  switch (event.key) {
    case 'ArrowDown':
      return { kind: 'move', index: (index + 1) % count };
    case 'ArrowUp':
      return { kind: 'move', index: (index - 1 + count) % count };
    case 'Home':
    case 'PageUp':
      return { kind: 'move', index: 0 };
    case 'End':
    case 'PageDown':
      return { kind: 'move', index: count - 1 };
    case 'Enter':
    case ' ':
      return { kind: 'activate' };
    case 'Escape':
    case 'Tab':
      return closeOn(event.key);
  }
  if (event.key.length === 1 && !event.altKey && !event.ctrlKey && !event.metaKey)
    return { kind: 'type', char: event.key };
  return null;
}

const closeOn = (key: string): MenuAction => ({ kind: 'close', restoreFocus: true, preventDefault: key === 'Escape' });

/** How long typed characters add up to one search, as in native menus and listboxes. */
export const TYPEAHEAD_MS = 500;

/**
 * Type-ahead: the next item (after `from`, wrapping) whose label starts with `typed`,
 * case-insensitively; repeating one letter cycles through the items starting with it. -1: none.
 */
export function typeahead(labels: readonly string[], typed: string, from: number): number {
  const query = typed.toLocaleLowerCase();
  const repeated = query.length > 1 && [...query].every((c) => c === query[0]);
  const needle = repeated ? query[0]! : query;
  // A longer search may still match the item it started on; a single letter moves on from it.
  const start = needle.length > 1 ? 0 : 1;
  for (let step = start; step < labels.length + start; step++) {
    const i = (from + step) % labels.length;
    if (labels[i]?.trim().toLocaleLowerCase().startsWith(needle)) return i;
  }
  return -1;
}
