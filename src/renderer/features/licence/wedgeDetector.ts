/**
 * Keyboard-wedge burst detector (pure logic, no DOM, no React).
 *
 * A licence reader in keyboard mode "types" the whole barcode in a fast burst that starts
 * with '@'. A person typing '@' (an e-mail address) is slow by comparison. So: on '@' the
 * detector holds keys while each follows the previous within `maxGapMs`; when the burst ends
 * (a slower key, or the caller's timer after `deadline()`), a burst of at least `minLength`
 * characters is a payload, and a shorter one is released back as typed text. Control
 * characters are rebuilt through the configured key and text maps (wedgeKeymap.ts).
 *
 * A busy PC can stall keyboard events for longer than a reader's inter-key gap. Once the burst
 * holds the AAMVA header, its directory says how long the payload is, so while it is still
 * short of that the detector waits up to `incompleteGapMs` for the rest instead of cutting the
 * scan in two (which would fail as "incomplete" and leak the tail into the form as typing).
 *
 * The caller (the form) calls `feed` from keydown, prevents the default for `hold`, inserts
 * released text, and sends payloads to the AAMVA parser.
 */
import { declaredPayloadLength } from '../../../shared/aamva';

import { defaultWedgeKeyMap, defaultWedgeTextMap } from './wedgeKeymap';

/** One keydown, reduced to what the detector needs (see `wedgeKeyFromEvent`). */
export type WedgeKey = {
  readonly key: string;
  /** Event time in ms (KeyboardEvent.timeStamp). */
  readonly time: number;
  readonly ctrlKey?: boolean;
  readonly altKey?: boolean;
  readonly metaKey?: boolean;
  /** Auto-repeat from a held key: never part of a reader burst. */
  readonly repeat?: boolean;
};

export type WedgeOptions = {
  readonly startChar: string;
  /** Largest gap between two keys of one burst (ms). */
  readonly maxGapMs: number;
  /** Largest gap while the payload is shorter than its header declares (ms). */
  readonly incompleteGapMs: number;
  /** Fewer characters than this is typing, not a scan (an AAMVA header alone is 31). */
  readonly minLength: number;
  /** A burst is cut off (and handed over) at this many characters. */
  readonly maxLength: number;
  readonly keyMap: Readonly<Record<string, string>>;
  readonly textMap: ReadonlyArray<readonly [string, string]>;
};

export const defaultWedgeOptions: WedgeOptions = {
  startChar: '@',
  maxGapMs: 50,
  incompleteGapMs: 1000,
  minLength: 31,
  maxLength: 8192,
  keyMap: defaultWedgeKeyMap,
  textMap: defaultWedgeTextMap,
};

/** Something the detector hands back: a scanned payload, or held keys that were typing. */
export type WedgeEmission =
  | { readonly type: 'payload'; readonly payload: string; readonly unknownKeys: readonly string[] }
  | { readonly type: 'release'; readonly text: string };

/** What to do with the key just fed, plus anything the feed completed. */
export type WedgeStep = {
  /** `hold`: part of a possible burst, prevent its default. `pass`: let it through. */
  readonly disposition: 'hold' | 'pass';
  readonly emitted: readonly WedgeEmission[];
};

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'AltGraph']);

/** "Ctrl+Alt+Meta+key" token for key-map lookup (Shift is already reflected in `key`). */
export function keyToken(k: WedgeKey): string {
  return `${k.ctrlKey ? 'Ctrl+' : ''}${k.altKey ? 'Alt+' : ''}${k.metaKey ? 'Meta+' : ''}${k.key}`;
}

/** Reduces a KeyboardEvent-like object to a WedgeKey. */
export function wedgeKeyFromEvent(e: {
  key: string;
  timeStamp: number;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  repeat: boolean;
}): WedgeKey {
  return {
    key: e.key,
    time: e.timeStamp,
    ctrlKey: e.ctrlKey,
    altKey: e.altKey,
    metaKey: e.metaKey,
    repeat: e.repeat,
  };
}

export class WedgeBurstDetector {
  private readonly options: WedgeOptions;
  private collecting = false;
  private chars: string[] = [];
  private typed = '';
  private unknown: string[] = [];
  private last = 0;
  /** The payload length the header declares (null until the header has been read). */
  private expected: number | null = null;
  /** Rebuilt text length minus collected characters (placeholders such as `<LF>` shrink). */
  private delta = 0;

  constructor(options: Partial<WedgeOptions> = {}) {
    this.options = { ...defaultWedgeOptions, ...options };
  }

  /** When the caller should call `tick` if no key arrives first, or null when idle. */
  deadline(): number | null {
    return this.collecting ? this.last + this.gapMs() : null;
  }

  /** Ends a burst whose gap has run out (call from a timer set to `deadline()`). */
  tick(now: number): readonly WedgeEmission[] {
    if (this.collecting && now - this.last > this.gapMs()) return [this.finish()];
    return [];
  }

  /** Feeds one keydown. */
  feed(k: WedgeKey): WedgeStep {
    const emitted: WedgeEmission[] = [];
    if (this.collecting && (k.repeat || k.time - this.last > this.gapMs())) {
      emitted.push(this.finish());
    }
    if (k.repeat) return { disposition: 'pass', emitted };
    if (!this.collecting) {
      if (k.key !== this.options.startChar || k.ctrlKey || k.altKey || k.metaKey) {
        return { disposition: 'pass', emitted };
      }
      this.collecting = true;
      this.chars = [];
      this.typed = '';
      this.unknown = [];
      this.expected = null;
      this.delta = 0;
    }
    this.last = k.time;
    this.take(k);
    this.readDeclaredLength();
    if (this.chars.length >= this.options.maxLength) emitted.push(this.finish());
    return { disposition: 'hold', emitted };
  }

  /** The gap allowed after the last key: longer while the header says more is coming. */
  private gapMs(): number {
    // Two characters of slack: some readers drop the RS or CR of the header.
    const short = this.expected !== null && this.chars.length + this.delta < this.expected - 2;
    return short ? this.options.incompleteGapMs : this.options.maxGapMs;
  }

  /** Reads the declared length once the header is in (it lies within the first ~200 chars). */
  private readDeclaredLength(): void {
    if (this.expected !== null || this.chars.length < 21 || this.chars.length > 400) return;
    const text = this.rebuild(this.chars);
    const declared = declaredPayloadLength(text);
    if (declared === null) return;
    this.expected = declared;
    this.delta = text.length - this.chars.length;
  }

  private rebuild(chars: readonly string[]): string {
    let text = chars.join('');
    for (const [from, to] of this.options.textMap) text = text.split(from).join(to);
    return text;
  }

  private take(k: WedgeKey): void {
    if (MODIFIER_KEYS.has(k.key)) return;
    const mapped = this.options.keyMap[keyToken(k)];
    if (mapped !== undefined) {
      this.chars.push(mapped);
    } else if (k.key.length === 1 && !k.ctrlKey && !k.altKey && !k.metaKey) {
      this.chars.push(k.key);
      this.typed += k.key;
    } else {
      this.unknown.push(keyToken(k));
    }
  }

  private finish(): WedgeEmission {
    this.collecting = false;
    const chars = this.chars;
    const typed = this.typed;
    const unknownKeys = this.unknown;
    this.chars = [];
    this.typed = '';
    this.unknown = [];
    this.expected = null;
    this.delta = 0;
    if (chars.length < this.options.minLength) return { type: 'release', text: typed };
    return { type: 'payload', payload: this.rebuild(chars), unknownKeys };
  }
}
