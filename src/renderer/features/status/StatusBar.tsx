import type { StatusItem } from '../../../shared/ipc/contract';
import { useAppSelector } from '../../app/hooks';
import { selectAppInfo } from '../session/sessionSlice';

import { OutboxIndicator } from './OutboxIndicator';
import { selectStatusSummary, selectStatusUnreachable } from './statusSlice';

function Indicator({
  name,
  item,
}: {
  readonly name: string;
  readonly item: StatusItem | undefined;
}) {
  const state = item?.state ?? 'not-configured';
  return (
    <span className={`indicator indicator-${state}`} title={item?.detail}>
      <span className="indicator-dot" aria-hidden="true" />
      <span className="visually-hidden">{name}: </span>
      {item?.label ?? 'Checking…'}
    </span>
  );
}

/**
 * Registry connectivity and devices as main reports them, and the outbox as this profile's
 * database holds it (queue length, age of the oldest item); nothing invented.
 */
export function StatusBar() {
  const summary = useAppSelector(selectStatusSummary);
  const unreachable = useAppSelector(selectStatusUnreachable);
  const info = useAppSelector(selectAppInfo);
  return (
    <footer className="statusbar" aria-label="Status">
      <div role="status" aria-live="polite" className="statusbar-items" data-testid="status-bar">
        {unreachable ? (
          <span className="indicator indicator-error">Workstation service unreachable</span>
        ) : (
          <>
            <Indicator name="Registry" item={summary?.connectivity} />
            <OutboxIndicator />
            <Indicator name="Devices" item={summary?.devices} />
          </>
        )}
      </div>
      <div className="statusbar-meta">{info ? `v${info.version} · ${info.shell}` : ''}</div>
    </footer>
  );
}
