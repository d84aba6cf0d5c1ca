import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';

import type { Service } from '../../../../shared/orders';
import type { PrintJob } from '../../../../shared/printing/jobs';
import { useAppSelector } from '../../../app/hooks';
import { database } from '../../../db/database';
import type { OrderRow, OutboxState } from '../../../db/rows';
import { listOrderOutbox } from '../../../db/serviceRepo';
import { selectCourtRules } from '../../calendar/calendarSlice';
import { courtTime, listName } from '../format';

import { PrintRecords } from './PrintRecords';
import { ServiceForm } from './ServiceForm';
import { describeService } from './serviceForm';

const outboxStateLabels: Readonly<Record<OutboxState, string>> = {
  pending: 'Waiting to send',
  'in-flight': 'Sending',
  'at-registry': 'At registry',
  'needs-attention': 'Needs attention',
};

const changeLabels: Readonly<Record<string, string>> = {
  'order.submit': 'Order submitted',
  'service.record': 'Service recorded',
};

type Props = {
  readonly row: OrderRow;
  readonly refreshKey: string;
  readonly onClose: () => void;
  /** Receives jobs started here ("Print again"), for the print jobs table. */
  readonly onJobs: (jobs: readonly PrintJob[]) => void;
};

/** One order: its print records, its proof of service, and its changes queued to the registry. */
export function OrderDetail({ row, refreshKey, onClose, onJobs }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const rules = useAppSelector(selectCourtRules);
  const outbox = useLiveQuery(() => listOrderOutbox(database(), row.id), [row.id]);
  const order = row.order as {
    service?: Service;
    restrained?: { name?: { last: string; first: string } };
  };
  useEffect(() => heading.current?.focus(), [row.id]);

  return (
    <section
      id="order-detail"
      className="panel order-detail"
      aria-labelledby="order-detail-heading"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !(e.target instanceof HTMLInputElement)) onClose();
      }}
    >
      <div className="section-head">
        <h2 id="order-detail-heading" ref={heading} tabIndex={-1}>
          Case {row.caseNumber} · {row.orderType} · {listName(order.restrained?.name)}
        </h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <dl className="facts detail-facts">
        <dt>Service</dt>
        <dd data-testid="current-service">{describeService(order.service)}</dd>
        <dt>Department</dt>
        <dd>{row.courtroom || 'Not recorded'}</dd>
      </dl>
      <div className="detail-grid">
        <PrintRecords row={row} refreshKey={refreshKey} onJobs={onJobs} rules={rules} />
        <div>
          <ServiceForm key={row.id} orderId={row.id} caseNumber={row.caseNumber} />
          <section aria-labelledby="outbox-heading" className="detail-block">
            <h3 id="outbox-heading">Changes queued to the registry</h3>
            {outbox && outbox.length === 0 && <p className="empty-note">None.</p>}
            {outbox && outbox.length > 0 && (
              <table className="data-table compact" data-testid="order-outbox">
                <thead>
                  <tr>
                    <th scope="col">Change</th>
                    <th scope="col">Queued</th>
                    <th scope="col">State</th>
                    <th scope="col">Key</th>
                  </tr>
                </thead>
                <tbody>
                  {outbox.map((o) => (
                    <tr key={o.idempotencyKey} data-kind={o.kind}>
                      <td>{changeLabels[o.kind] ?? o.kind}</td>
                      <td>{courtTime(o.createdAt)}</td>
                      <td>{outboxStateLabels[o.state]}</td>
                      <td className="mono small">{o.idempotencyKey}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      </div>
    </section>
  );
}
