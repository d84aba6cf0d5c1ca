import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { RefObject } from 'react';

import type { PrinterConfig } from '../../../shared/printing/printers';
import { database } from '../../db/database';
import { clerkApi, unwrap } from '../../platform/clerk';

import { messageOf } from './format';
import { JobsPanel } from './jobs/JobsPanel';
import { latestAttempts } from './jobs/mergeJobs';
import { usePrintJobs } from './jobs/usePrintJobs';
import { OrderPicker } from './queue/OrderPicker';
import { PrintOptions } from './queue/PrintOptions';
import { courtroomsOf, courtToday, inCourtroom, listQueueOrders } from './queue/queueOrders';
import { OrderDetail } from './service/OrderDetail';
import './print.css';

type Props = { readonly headingRef: RefObject<HTMLHeadingElement | null> };

/**
 * The courtroom print queue: pick the day's orders, print service copies for each recipient,
 * watch every job live, and record service, all on one screen.
 */
export function PrintPage({ headingRef }: Props) {
  const today = useMemo(() => courtToday(), []);
  const [date, setDate] = useState(today);
  const [courtroom, setCourtroom] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [activeId, setActiveId] = useState<string | null>(null);
  const [printers, setPrinters] = useState<readonly PrinterConfig[] | null>(null);
  const [printersError, setPrintersError] = useState<string | null>(null);
  const { jobs, error: jobsError, add } = usePrintJobs();

  const dayRows = useLiveQuery(() => listQueueOrders(database(), date), [date]);
  const rows = useMemo(
    () => (dayRows ? inCourtroom(dayRows, courtroom) : undefined),
    [dayRows, courtroom],
  );
  const courtrooms = useMemo(() => courtroomsOf(dayRows ?? []), [dayRows]);
  const chosen = useMemo(() => (rows ?? []).filter((r) => selected.has(r.id)), [rows, selected]);
  const active = activeId ? dayRows?.find((r) => r.id === activeId) : undefined;

  useEffect(() => {
    unwrap('print:list-printers', clerkApi().print.listPrinters({})).then(setPrinters, (e) =>
      setPrintersError(messageOf(e)),
    );
  }, []);

  const serviceJobs = useMemo(
    () => latestAttempts(jobs.filter((j) => j.kind === 'service-copy')),
    [jobs],
  );
  const printedCount = useMemo(() => {
    const counts = new Map<string, number>();
    for (const j of serviceJobs) {
      if (j.orderId && j.state === 'completed')
        counts.set(j.orderId, (counts.get(j.orderId) ?? 0) + 1);
    }
    return counts;
  }, [serviceJobs]);
  const refreshKey = jobs
    .filter((j) => j.orderId === activeId)
    .map((j) => `${j.id}:${j.state}`)
    .join(',');

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleAll = (on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      for (const r of rows ?? []) {
        if (on) next.add(r.id);
        else next.delete(r.id);
      }
      return next;
    });

  return (
    <section aria-labelledby="area-heading" className="page page-wide print-page">
      <h1 id="area-heading" ref={headingRef} tabIndex={-1}>
        Print
      </h1>
      <p className="page-purpose">
        Service copies of the day&rsquo;s orders for each recipient, and proof of service.
      </p>
      <div className="print-layout">
        <OrderPicker
          rows={rows}
          date={date}
          onDate={setDate}
          today={today}
          courtroom={courtroom}
          courtrooms={courtrooms}
          onCourtroom={setCourtroom}
          selected={selected}
          onToggle={toggle}
          onToggleAll={toggleAll}
          activeId={activeId}
          onOpen={(id) => setActiveId((a) => (a === id ? null : id))}
          printedCount={printedCount}
        />
        <PrintOptions
          orders={chosen}
          printers={printers}
          printersError={printersError}
          courtroom={courtroom}
          onJobs={add}
        />
      </div>
      <JobsPanel jobs={serviceJobs} error={jobsError} onJobs={add} />
      {active && (
        <OrderDetail
          row={active}
          refreshKey={refreshKey}
          onJobs={add}
          onClose={() => {
            setActiveId(null);
            document.getElementById(`pick-${active.id}`)?.focus();
          }}
        />
      )}
    </section>
  );
}
