import { useCallback, useEffect, useRef, useState } from 'react';

import type {
  LicenceListedReader,
  LicenceReaderList,
  LicenceScan,
} from '../../../../shared/ipc/contracts/licence';
import { clerkApi, unwrap } from '../../../platform/clerk';

import type { ReaderBusy } from './readerText';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * State of the Devices page's licence-reader section: the readers main lists (with their open
 * state), the row being opened or closed, per-row errors, the last scan of each reader, and the
 * notice read out after an action. After every open or close the list is read again, so the
 * table shows main's state rather than a guess.
 */
export function useLicenceReaders() {
  const [list, setList] = useState<LicenceReaderList | null>(null);
  const [loadError, setLoadError] = useState('');
  const [busy, setBusy] = useState<Record<string, ReaderBusy>>({});
  const [rowError, setRowError] = useState<Record<string, string>>({});
  const [lastScan, setLastScan] = useState<Record<string, LicenceScan>>({});
  const [notice, setNotice] = useState('');
  const [refreshing, setRefreshing] = useState(false);
  const mounted = useRef(true);

  const load = useCallback(async () => {
    const next = await unwrap('licence:list-readers', clerkApi().licence.listReaders({}));
    if (mounted.current) {
      setList(next);
      setLoadError('');
    }
    return next;
  }, []);

  useEffect(() => {
    mounted.current = true;
    load().catch((e: unknown) => mounted.current && setLoadError(messageOf(e)));
    // Each reader's latest scan, so the clerk can test a reader here. A scan seen twice (the
    // event hub may replay one) or older than the one shown changes nothing.
    const off = clerkApi().subscribe('licence:payload-scanned', (scan) =>
      setLastScan((s) => {
        const shown = s[scan.readerId];
        if (shown && (shown.scanId === scan.scanId || Date.parse(shown.at) > Date.parse(scan.at)))
          return s;
        return { ...s, [scan.readerId]: scan };
      }),
    );
    return () => {
      mounted.current = false;
      off();
    };
  }, [load]);

  const refresh = async () => {
    setRefreshing(true);
    try {
      const next = await load();
      const n = next.readers.length;
      setNotice(
        n === 0 ? 'No licence readers found.' : `${n} licence reader${n === 1 ? '' : 's'} found.`,
      );
    } catch (e) {
      setLoadError(messageOf(e));
    } finally {
      if (mounted.current) setRefreshing(false);
    }
  };

  /** Opens (or reopens a stopped) reader, or closes one, then shows main's list again. */
  const act = async (reader: LicenceListedReader, action: ReaderBusy) => {
    const { id, label } = reader;
    setRowError((r) => ({ ...r, [id]: '' }));
    setBusy((b) => ({ ...b, [id]: action }));
    try {
      if (action === 'opening') {
        await unwrap('licence:open-reader', clerkApi().licence.openReader({ readerId: id }));
        setNotice(`${label} is open. Its scans fill the restrained person in the open order form.`);
      } else {
        await unwrap('licence:close-reader', clerkApi().licence.closeReader({ readerId: id }));
        setNotice(`${label} is closed.`);
      }
      await load().catch((e: unknown) => setLoadError(messageOf(e)));
    } catch (e) {
      setRowError((r) => ({ ...r, [id]: messageOf(e) }));
    } finally {
      if (mounted.current) {
        setBusy((b) => Object.fromEntries(Object.entries(b).filter(([k]) => k !== id)));
      }
    }
  };
  const open = (reader: LicenceListedReader) => act(reader, 'opening');
  const close = (reader: LicenceListedReader) => act(reader, 'closing');

  return { list, loadError, busy, rowError, lastScan, notice, refreshing, refresh, open, close };
}
