/**
 * How keyboard-wedge readers type the AAMVA control characters, as data.
 *
 * In keyboard mode a reader can only send keys: LF and CR both usually arrive as Enter (the
 * parser copes with that), RS as Ctrl+^ (or Ctrl+6/Ctrl+Shift+6 by layout), GS as Ctrl+].
 * Some readers can instead be set to type placeholder text such as "<RS>". Both mappings are
 * configurable per reader model; these defaults cover the common factory settings.
 */

/** Key token (modifiers + KeyboardEvent.key, e.g. "Ctrl+^", "Enter") → the character it stands for. */
export const defaultWedgeKeyMap: Readonly<Record<string, string>> = {
  Enter: '\n',
  'Ctrl+j': '\n',
  'Ctrl+J': '\n',
  'Ctrl+m': '\r',
  'Ctrl+M': '\r',
  'Ctrl+^': '\x1e',
  'Ctrl+6': '\x1e',
  'Ctrl+]': '\x1d',
  'Ctrl+\\': '\x1c',
};

/** Placeholder text some readers type for control characters → the character. */
export const defaultWedgeTextMap: ReadonlyArray<readonly [string, string]> = [
  ['<LF>', '\n'],
  ['<CR>', '\r'],
  ['<RS>', '\x1e'],
  ['<GS>', '\x1d'],
  ['<FS>', '\x1c'],
];
