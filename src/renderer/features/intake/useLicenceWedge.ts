import { useCallback, useEffect, useRef, useState } from 'react';

import { safeParseAamva } from '../../../shared/aamva';
import type { AamvaParseResult } from '../../../shared/aamva';
import { clerkApi } from '../../platform/clerk';
import { WedgeBurstDetector, wedgeKeyFromEvent } from '../licence/wedgeDetector';
import type { WedgeEmission } from '../licence/wedgeDetector';

import type { FieldValue } from './form/fieldTypes';
import { licenceToValues } from './licenceToValues';

export type WedgeState = { readonly message: string | null; readonly unmapped: readonly string[] };

/** The notice state plus `apply`, for licences found elsewhere (a scanned page's barcode). */
export type LicenceFillState = WedgeState & {
  /** Fills the restrained person from a parsed licence; `source` ends "Filled from the …". */
  readonly apply: (result: AamvaParseResult, source: string) => void;
};

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

/** The form values and the notice for a parsed licence, naming where it came from. */
function filledFrom(result: AamvaParseResult, source: string) {
  const fill = licenceToValues(result);
  const state: WedgeState = {
    message: `Filled from the ${source}: ${fill.filledLabels.join(', ')}. Check each value against the card.`,
    unmapped: fill.unmapped,
  };
  return { values: fill.values, state };
}

/**
 * Listens for a licence scan: a keyboard-wedge burst (a fast burst of keys starting with `@`;
 * the burst logic is `WedgeBurstDetector`), or a scan main publishes from a HID POS or serial
 * reader (`licence:payload-scanned`). The burst is kept out of whatever field has focus,
 * parsed with our AAMVA parser, and the restrained person's fields are filled. Keys that
 * turn out to be a person typing are given back to the field.
 */
export function useLicenceWedge(
  onFill: (values: Record<string, FieldValue>) => void,
): LicenceFillState {
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
        const filled = filledFrom(parsed.value, "driver's licence");
        fill.current(filled.values);
        setState(filled.state);
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

  useEffect(() => {
    // A HID POS or USB-serial reader opened in main sends each scan already parsed. Each scan
    // is applied once (its id), and only if made while this form is open: the event hub
    // replays the last scan to a newly subscribed page, which belongs to an earlier form.
    const seen = new Set<string>();
    const openedAt = Date.now();
    const off = clerkApi().subscribe('licence:payload-scanned', (scan) => {
      if (seen.has(scan.scanId) || !(Date.parse(scan.at) >= openedAt)) return;
      seen.add(scan.scanId);
      if (!scan.outcome.ok) {
        setState({
          message: `The licence reader's scan could not be read: ${scan.outcome.message}`,
          unmapped: [],
        });
        return;
      }
      const filled = filledFrom(scan.outcome.result, "driver's licence (reader)");
      fill.current(filled.values);
      setState(filled.state);
    });
    return off;
  }, []);

  const apply = useCallback((result: AamvaParseResult, source: string) => {
    const filled = filledFrom(result, source);
    fill.current(filled.values);
    setState(filled.state);
  }, []);

  return { ...state, apply };
}
