import { useCallback, useEffect, useRef, useState } from 'react';

import { database } from '../../db/database';
import { saveDraftValues } from '../../db/draftsRepo';
import type { FormValues } from './form/fieldTypes';

export type SaveState = {
  readonly state: 'saved' | 'pending' | 'failed';
  readonly at: string | null;
  readonly error?: string;
};

/** Debounce for draft writes: well inside the 500 ms the issue allows. */
export const autosaveDelayMs = 250;

/**
 * Saves the draft after each change (debounced), and at once when the page is hidden or the
 * form unmounts, so a reload, a crash or closing the window loses nothing.
 */
export function useAutosave(draftId: string, values: FormValues, dirty: boolean): SaveState {
  const [status, setStatus] = useState<SaveState>({ state: 'saved', at: null });
  const latest = useRef(values);
  const pending = useRef(false);
  latest.current = values;

  const flush = useCallback(async () => {
    if (!pending.current) return;
    pending.current = false;
    try {
      const ok = await saveDraftValues(database(), draftId, latest.current);
      setStatus(
        ok
          ? { state: 'saved', at: new Date().toISOString() }
          : { state: 'failed', at: null, error: 'This draft was discarded in another window.' },
      );
    } catch (error) {
      pending.current = true;
      setStatus({ state: 'failed', at: null, error: (error as Error).message });
    }
  }, [draftId]);

  useEffect(() => {
    if (!dirty) return undefined;
    pending.current = true;
    setStatus((s) => ({ ...s, state: 'pending' }));
    const timer = setTimeout(() => void flush(), autosaveDelayMs);
    return () => clearTimeout(timer);
  }, [values, dirty, flush]);

  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      void flush();
    };
  }, [flush]);

  return status;
}
