import { useEffect, useRef, useState } from 'react';

import { safeParseAamva } from '../../../shared/aamva';
import { WedgeBurstDetector, wedgeKeyFromEvent } from '../licence/wedgeDetector';
import type { WedgeEmission } from '../licence/wedgeDetector';

import type { FieldValue } from './form/fieldTypes';
import { licenceToValues } from './licenceToValues';

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
 * Listens for a keyboard-wedge licence scan: a fast burst of keys starting with `@` (the
 * burst logic is `WedgeBurstDetector`). The burst is kept out of whatever field has focus,
 * parsed with our AAMVA parser, and the restrained person's fields are filled. Keys that
 * turn out to be a person typing are given back to the field.
 */
export function useLicenceWedge(onFill: (values: Record<string, FieldValue>) => void): WedgeState {
  const [state, setState] = useState<WedgeState>({ message: null, unmapped: [] });
  const fill = useRef(onFill);
  fill.current = onFill;

  useEffect(() => {
    // 100 ms between keys still separates a reader from a person (people type slower after
    // an '@'), and leaves room for a busy workstation that delivers the burst unevenly.
    const detector = new WedgeBurstDetector({ maxGapMs: 100 });
    let timer: ReturnType<typeof setTimeout> | undefined;

    const handle = (emissions: readonly WedgeEmission[]) => {
      for (const e of emissions) {
        if (e.type === 'release') {
          giveBack(e.text);
          continue;
        }
        const parsed = safeParseAamva(e.payload);
        if (!parsed.ok) {
          setState({
            message: `The licence scan could not be read: ${parsed.error.message}`,
            unmapped: [],
          });
          continue;
        }
        const result = licenceToValues(parsed.value);
        fill.current(result.values);
        setState({
          message: `Filled from the driver's licence: ${result.filledLabels.join(', ')}. Check each value against the card.`,
          unmapped: result.unmapped,
        });
      }
    };
    const schedule = () => {
      clearTimeout(timer);
      const deadline = detector.deadline();
      if (deadline === null) return;
      timer = setTimeout(
        () => {
          handle(detector.tick(performance.now()));
          schedule();
        },
        Math.max(0, deadline - performance.now()) + 1,
      );
    };
    const onKeyDown = (e: KeyboardEvent) => {
      const step = detector.feed(wedgeKeyFromEvent(e));
      if (step.disposition === 'hold') {
        e.preventDefault();
        e.stopPropagation();
      }
      handle(step.emitted);
      schedule();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      clearTimeout(timer);
    };
  }, []);

  return state;
}
