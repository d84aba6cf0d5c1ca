/**
 * The status bar's source of truth: connectivity, outbox and devices.
 *
 * Each indicator starts as "not configured" and is replaced by the service that owns it
 * (sync, devices) when that service is wired in, so the bar never shows an invented value.
 */
import type { StatusItem, StatusSummary } from '../../shared/ipc/contract';
import type { EventHub } from '../ipc/eventHub';

export type StatusKey = keyof StatusSummary;

const initial: StatusSummary = {
  connectivity: { state: 'not-configured', label: 'Registry not configured' },
  outbox: { state: 'not-configured', label: 'Outbox not configured' },
  devices: { state: 'not-configured', label: 'No devices configured' },
};

export class StatusService {
  private summary: StatusSummary = initial;

  constructor(private readonly hub: EventHub) {}

  get(): StatusSummary {
    return this.summary;
  }

  /** Replaces one indicator and tells every window. */
  set(key: StatusKey, item: StatusItem): void {
    this.summary = { ...this.summary, [key]: item };
    this.hub.publish('status:summary-changed', this.summary);
  }
}
