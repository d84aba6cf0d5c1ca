/**
 * Main→renderer events: services publish here; each shell forwards to its renderer(s).
 *
 * Payloads are validated against the contract before they are delivered, so a service bug
 * cannot push a malformed object into the renderer.
 */
import type { EventName } from '../../shared/ipc/channels';
import { eventContract } from '../../shared/ipc/contract';
import type { EventPayload } from '../../shared/ipc/contract';

type Sink = (event: EventName, payload: unknown) => void;

/**
 * Events whose latest value is replayed to a window that connects later (state, not news).
 * Deny by default: a licence scan or any other event carrying personal data is delivered
 * once, to the windows open at the time, and never kept here.
 */
const replayed: ReadonlySet<EventName> = new Set<EventName>(['status:summary-changed']);

export class EventHub {
  private readonly sinks = new Set<Sink>();
  private readonly last = new Map<EventName, unknown>();

  /** Publishes an event; the latest payload of a replayed (state) event is kept for late subscribers. */
  publish<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const checked = eventContract[event].parse(payload);
    if (replayed.has(event)) this.last.set(event, checked);
    for (const sink of this.sinks) sink(event, checked);
  }

  /** Adds a sink (one per window or socket) and replays the latest payloads to it. */
  connect(sink: Sink): () => void {
    this.sinks.add(sink);
    for (const [event, payload] of this.last) sink(event, payload);
    return () => this.sinks.delete(sink);
  }
}
