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
 * The caller (the form) calls `feed` from keydown, prevents the default for `hold`, inserts
 * released text, and sends payloads to the AAMVA parser.
 */
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

  constructor(options: Partial<WedgeOptions> = {}) {
    this.options = { ...defaultWedgeOptions, ...options };
  }

  /** When the caller should call `tick` if no key arrives first, or null when idle. */
  deadline(): number | null {
    return this.collecting ? this.last + this.options.maxGapMs : null;
  }

  /** Ends a burst whose gap has run out (call from a timer set to `deadline()`). */
  tick(now: number): readonly WedgeEmission[] {
    if (this.collecting && now - this.last > this.options.maxGapMs) return [this.finish()];
    return [];
  }

  /** Feeds one keydown. */
  feed(k: WedgeKey): WedgeStep {
    const emitted: WedgeEmission[] = [];
    if (this.collecting && (k.repeat || k.time - this.last > this.options.maxGapMs)) {
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
    }
    this.last = k.time;
    this.take(k);
    if (this.chars.length >= this.options.maxLength) emitted.push(this.finish());
    return { disposition: 'hold', emitted };
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
    if (chars.length < this.options.minLength) return { type: 'release', text: typed };
    let payload = chars.join('');
    for (const [from, to] of this.options.textMap) payload = payload.split(from).join(to);
    return { type: 'payload', payload, unknownKeys };
  }
}
