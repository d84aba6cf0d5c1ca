import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent, RefObject } from 'react';

import type { RegistrySearchPage } from '../../../shared/ipc/contracts/search';
import type { LocalPage, LocalQuery } from '../../../shared/search/searchTypes';
import { clerkApi, unwrap } from '../../platform/clerk';
import { useCan } from '../auth/access';

import { mergeResults } from './mergeResults';
import { OrderDetail } from './OrderDetail';
import { localSearcher } from './searchClient';

type Props = { readonly headingRef: RefObject<HTMLHeadingElement | null> };

const PAGE_SIZE = 25;
const empty = { surname: '', given: '', caseNumber: '', dob: '', licence: '', fcn: '' };
type Fields = typeof empty;

/** Search orders locally (at once) and at the registry (merged when online); open one. */
export function SearchPage({ headingRef }: Props) {
  const byName = useCan('registry.search', { searchBy: 'name' });
  const [f, setF] = useState<Fields>(empty);
  const [page, setPage] = useState(0);
  const [local, setLocal] = useState<LocalPage | null>(null);
  const [registry, setRegistry] = useState<RegistrySearchPage | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const seq = useRef(0);
  const typing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const query = (fields: Fields, p: number, prefix: boolean): LocalQuery => ({
    ...(byName && fields.surname ? { surname: fields.surname, given: fields.given } : {}),
    ...(byName && fields.dob ? { dob: fields.dob } : {}),
    ...(byName && fields.licence ? { licence: fields.licence } : {}),
    ...(byName && fields.fcn ? { fcn: fields.fcn } : {}),
    ...(fields.caseNumber ? { caseNumber: fields.caseNumber } : {}),
    prefix,
    offset: p * PAGE_SIZE,
    limit: PAGE_SIZE,
  });

  const run = async (fields: Fields, p: number, withRegistry: boolean) => {
    const mine = (seq.current += 1);
    const q = query(fields, p, !withRegistry);
    if (!q.surname && !q.caseNumber && !q.dob && !q.licence && !q.fcn) {
      setLocal(null);
      setRegistry(null);
      return;
    }
    try {
      const l = await localSearcher().search(q);
      if (mine !== seq.current) return;
      setLocal(l);
      setNotice(null);
    } catch (e) {
      if (mine !== seq.current) return;
      // The last search's rows must not stand in for this one's.
      setLocal(null);
      setNotice((e as Error).message);
    }
    setPage(p);
    setActive(0);
    if (!withRegistry) {
      // The registry answered an earlier query: its rows must not mix with this one's.
      setRegistry(null);
      return;
    }
    setRegistry(null);
    try {
      const r = await unwrap(
        'search:search-registry',
        clerkApi().search.searchRegistry({
          ...(q.surname ? { name: q.surname, first: q.given || undefined } : {}),
          ...(q.caseNumber ? { caseNumber: q.caseNumber } : {}),
          ...(q.dob ? { dob: q.dob } : {}),
          ...(q.licence ? { licence: q.licence } : {}),
          ...(q.fcn ? { fcn: q.fcn } : {}),
          offset: q.offset,
          limit: PAGE_SIZE,
        }),
      );
      if (mine === seq.current) setRegistry(r);
    } catch (e) {
      if (mine === seq.current) setNotice(`Registry not searched: ${(e as Error).message}`);
    }
  };

  // Results as you type a name: local only, lightly debounced.
  useEffect(() => {
    if (!byName || f.surname.trim().length < 2) return undefined;
    const t = setTimeout(() => void run(f, 0, false), 120);
    typing.current = t;
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [f.surname, f.given]);

  const rows = mergeResults(local?.hits ?? [], registry?.results ?? null);
  const total = Math.max(
    local?.total ?? 0,
    registry
      ? registry.offset + registry.results.length + (registry.nextOffset === null ? 0 : 1)
      : 0,
  );
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  const onListKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(rows.length - 1, a + 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (e.key === 'Enter' && rows[active]) setOpen(rows[active].id);
    else if (e.key === 'PageDown' && page + 1 < pages) void run(f, page + 1, true);
    else if (e.key === 'PageUp' && page > 0) void run(f, page - 1, true);
    else return;
    e.preventDefault();
  };

  if (open) return <OrderDetail orderId={open} onClose={() => setOpen(null)} />;

  const field = (key: keyof Fields, label: string, type = 'text') => (
    <label className="field">
      <span>{label}</span>
      <input
        type={type}
        value={f[key]}
        data-testid={`search-${key}`}
        onChange={(e) => setF({ ...f, [key]: e.target.value })}
      />
    </label>
  );

  return (
    <section aria-labelledby="area-heading" className="page page-wide">
      <h1 id="area-heading" ref={headingRef} tabIndex={-1}>
        Search
      </h1>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          // A local-only search still waiting on the debounce would overtake this one.
          clearTimeout(typing.current);
          void run(f, 0, true);
        }}
      >
        {byName ? (
          <>
            {field('surname', 'Surname')}
            {field('given', 'Given name (optional)')}
            {field('dob', 'Date of birth', 'date')}
            {field('licence', 'Licence number')}
            {field('fcn', 'FCN')}
          </>
        ) : (
          <p className="hint">Your role searches the registry by case number only.</p>
        )}
        {field('caseNumber', 'Case number')}
        <button type="submit">Search</button>
      </form>
      {notice && <p role="status">{notice}</p>}
      {/* The registry's answer shows even when the local search could not run. */}
      {(local || registry) && (
        <>
          <p aria-live="polite" data-testid="search-summary">
            {rows.length === 0
              ? 'No orders found.'
              : `Page ${page + 1} of ${pages} · ${total} found`}
          </p>
          <ul
            ref={listRef}
            role="listbox"
            aria-label="Search results"
            tabIndex={0}
            data-testid="search-results"
            aria-activedescendant={rows[active] ? `result-${rows[active].id}` : undefined}
            onKeyDown={onListKey}
          >
            {rows.map((r, i) => (
              <li
                key={r.id}
                id={`result-${r.id}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                onClick={() => setOpen(r.id)}
              >
                <strong>{r.name}</strong> {r.dob ? `· DOB ${r.dob} ` : ''}· {r.caseNumber} ·{' '}
                {r.orderType} · {r.status}
                {r.fcn ? ` · FCN ${r.fcn}` : ''} <em>({r.labels.join(', ')})</em>
              </li>
            ))}
          </ul>
          <button type="button" disabled={page === 0} onClick={() => void run(f, page - 1, true)}>
            Previous page
          </button>
          <button
            type="button"
            disabled={page + 1 >= pages}
            onClick={() => void run(f, page + 1, true)}
          >
            Next page
          </button>
        </>
      )}
    </section>
  );
}
