import { useEffect, useRef, useState } from 'react';

import { safeParseAamva } from '../../../shared/aamva';

import type { FieldValue } from './form/fieldTypes';
import { licenceToValues } from './licenceToValues';

/** Keys closer together than this belong to one scanner burst (people type far slower). */
export const burstGapMs = 60;
/** Shortest payload taken as a licence; anything shorter is given back as typing. */
const minPayload = 30;

export type WedgeState = { readonly message: string | null; readonly unmapped: readonly string[] };

/** Types text into the focused field the way a keystroke would, so React sees it. */
function giveBack(text: string): void {
  const el = document.activeElement;
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return;
  const proto =
    el instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? el.value.length;
  const next = el.value.slice(0, start) + text + el.value.slice(end);
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, next);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Listens for a keyboard-wedge licence scan: a fast burst of keys starting with `@`. The burst
 * is kept out of whatever field has focus, parsed with our AAMVA parser, and the restrained
 * person's fields are filled. A lone `@` typed by a person is given back to the field.
 */
export function useLicenceWedge(onFill: (values: Record<string, FieldValue>) => void): WedgeState {
  const [state, setState] = useState<WedgeState>({ message: null, unmapped: [] });
  const fill = useRef(onFill);
  fill.current = onFill;

  useEffect(() => {
    let buffer = '';
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const finish = () => {
      const payload = buffer;
      buffer = '';
      if (payload.length < minPayload) {
        giveBack(payload);
        return;
      }
      const parsed = safeParseAamva(payload);
      if (!parsed.ok) {
        setState({
          message: `The licence scan could not be read: ${parsed.error.message}`,
          unmapped: [],
        });
        return;
      }
      const result = licenceToValues(parsed.value);
      fill.current(result.values);
      setState({
        message: `Filled from the driver's licence: ${result.filledLabels.join(', ')}. Check each value against the card.`,
        unmapped: result.unmapped,
      });
    };

    const onKeyDown = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey) return;
      const now = performance.now();
      const inBurst = buffer !== '' && now - last < burstGapMs * 2;
      if (!inBurst && e.key !== '@') return;
      // During a burst every key belongs to the scanner, even Tab or Enter.
      const ch = e.key === 'Enter' ? '\n' : e.key.length === 1 ? e.key : null;
      e.preventDefault();
      e.stopPropagation();
      if (ch !== null) buffer += ch;
      last = now;
      clearTimeout(timer);
      timer = setTimeout(finish, burstGapMs * 2);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      clearTimeout(timer);
    };
  }, []);

  return state;
}
