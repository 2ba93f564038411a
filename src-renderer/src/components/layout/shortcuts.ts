/** Keyboard shortcuts as data: the handler and the help dialog both read this table. */
export type ShortcutAction = { type: 'palette' } | { type: 'help' } | { type: 'view'; index: number } | { type: 'pause' } | { type: 'theme' } | { type: 'language' } | { type: 'filter' };

export interface ShortcutKeys {
  key: string;
  ctrlOrMeta?: boolean;
  alt?: boolean;
  shift?: boolean;
}

/** Typing in a field must not trigger single-key shortcuts. */
export function isTyping(target: EventTarget | null): boolean {
  const element = target as { tagName?: string; isContentEditable?: boolean } | null;
  if (!element || typeof element.tagName !== 'string') return false;
  return element.isContentEditable === true || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName);
}

export function shortcutFor(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'target'>): ShortcutAction | null {
  const mod = event.ctrlKey || event.metaKey;
  if (mod && !event.altKey && event.key.toLowerCase() === 'k') return { type: 'palette' };
  if (isTyping(event.target) || mod) return null;
  if (event.altKey) {
    // event.code: Alt+digit types other characters on macOS layouts.
    const digit = /^Digit([1-9])$/.exec(event.code)?.[1];
    if (digit) return { type: 'view', index: Number(digit) - 1 };
    if (event.code === 'KeyT') return { type: 'theme' };
    if (event.code === 'KeyL') return { type: 'language' };
    return null;
  }
  if (event.key === '?') return { type: 'help' };
  if (event.key === '/') return { type: 'filter' };
  // Space on a focused button or link already means "press it".
  const tag = (event.target as { tagName?: string } | null)?.tagName;
  if ((event.key === ' ' || event.code === 'Space') && tag !== 'BUTTON' && tag !== 'A' && tag !== 'SUMMARY') return { type: 'pause' };
  return null;
}

/** For the help dialog, in the order shown. */
export const SHORTCUT_HELP: { keys: string; action: string }[] = [
  { keys: 'Ctrl/⌘ K', action: 'palette' },
  { keys: 'Alt 1 … 8', action: 'views' },
  { keys: '/', action: 'filter' },
  { keys: 'Space', action: 'pause' },
  { keys: 'Alt T', action: 'theme' },
  { keys: 'Alt L', action: 'language' },
  { keys: '?', action: 'help' },
  { keys: 'Esc', action: 'close' },
];
