/**
 * Builds the CLETS message for one lifecycle event of an order: records from the domain core
 * (orderToCletsRecords, one per protected person), the message key from the domain's event table
 * (never hard-coded here), adjusted to what this registry has on file at CLETS:
 * - a full record (issued / modified / renewed) whose key is on file goes as that table's modify
 *   key, one that is not (first entry, an entry CLETS rejected, a protected person added) as its
 *   enter key; a record on file that the order no longer produces (person removed) is cleared;
 * - clear / cancel / service go only to records on file; with none, there is nothing to send.
 * Every record passes the NCIC tag table (checkRecord) before it may be sent. Pure.
 */
import { checkRecord, encodeRecord, type CletsField } from '../../shared/clets';
import {
  lifecycleEventDef,
  orderToCletsRecords,
  type LifecycleEvent,
  type Order,
} from '../../shared/orders';
import { recordKey } from '../clets-sim/protocol';

/** A record this registry has on file at CLETS. */
export type OnFileRecord = {
  readonly key: string;
  readonly fcn: string;
  readonly state: 'active' | 'cleared' | 'cancelled';
  /** The record's identity fields as last sent (to clear or cancel it later). */
  readonly identity: readonly CletsField[];
};

/** One record of a planned message. */
export type PlannedRecord = {
  readonly key: string;
  readonly mke: string;
  readonly fields: readonly CletsField[];
  readonly line: string;
  /** The identity fields to remember for this key once CLETS acknowledges. */
  readonly identity: readonly CletsField[];
};

/** The result of planning. */
export type Plan =
  | { readonly kind: 'send'; readonly records: readonly PlannedRecord[] }
  | { readonly kind: 'skip'; readonly reason: string }
  | {
      readonly kind: 'problem';
      readonly path: string;
      readonly message: string;
      readonly tag: string | null;
      readonly record: number;
    };

const IDENTITY_TAGS = new Set<string>(lifecycleEventDef('terminated').recordTags);

function identityOf(fields: readonly CletsField[]): CletsField[] {
  return fields.filter((f) => IDENTITY_TAGS.has(f.tag));
}

/** Best-effort form path for a domain error message ("restrained person's name cannot be sent …"). */
function pathOfError(message: string): { path: string; message: string } {
  const prefixed = /^([a-zA-Z]+(?:\.[a-zA-Z]+|\[\d+\])*): (.*)$/s.exec(message);
  if (prefixed) return { path: prefixed[1] as string, message: prefixed[2] as string };
  return { path: pathGuess(message), message };
}

function pathGuess(message: string): string {
  if (/restrained person's name/.test(message)) return 'restrained.name';
  const p = /protected person (\d+)/.exec(message);
  if (p) return `protected[${Number(p[1]) - 1}].name`;
  if (/not been served/.test(message)) return 'service';
  return '';
}

function keyed(mke: string, fields: readonly CletsField[]): CletsField[] {
  return [{ tag: 'MKE', value: mke }, ...fields];
}

/** Plans the message for `event` on `order`, given the records on file for this order. */
export function planMessage(
  event: LifecycleEvent,
  order: Order,
  onFile: readonly OnFileRecord[],
): Plan {
  const def = lifecycleEventDef(event);
  let built: CletsField[][];
  try {
    built = orderToCletsRecords(order, event);
  } catch (e) {
    const message = (e as Error).message;
    return { kind: 'problem', ...pathOfError(message), tag: null, record: 0 };
  }
  const byKey = new Map(onFile.map((r) => [r.key, r]));
  const records: { mke: string; fields: CletsField[] }[] = [];
  if (def.transaction === 'enter' || def.transaction === 'modify') {
    const enterKey = lifecycleEventDef('issued').mke;
    const modifyKey = lifecycleEventDef('modified').mke;
    const produced = new Set<string>();
    for (const fields of built) {
      const key = recordKey(fields);
      produced.add(key);
      records.push({ mke: byKey.get(key)?.state === 'active' ? modifyKey : enterKey, fields });
    }
    const clearKey = lifecycleEventDef('terminated').mke;
    for (const r of onFile) {
      if (r.state === 'active' && !produced.has(r.key))
        records.push({ mke: clearKey, fields: [...r.identity] });
    }
  } else if (def.transaction === 'service') {
    for (const fields of built) {
      if (byKey.get(recordKey(fields))?.state === 'active') records.push({ mke: def.mke, fields });
    }
  } else {
    // clear / cancel: every record of this order CLETS holds, as it was last sent.
    const wanted = def.transaction === 'clear' ? ['active'] : ['active', 'cleared'];
    for (const r of onFile) {
      if (wanted.includes(r.state)) records.push({ mke: def.mke, fields: [...r.identity] });
    }
  }
  if (records.length === 0) {
    return {
      kind: 'skip',
      reason: `nothing on file at CLETS for this order to ${def.transaction === 'service' ? 'record the service on' : def.transaction}`,
    };
  }
  const planned: PlannedRecord[] = [];
  for (const [i, r] of records.entries()) {
    const fields = keyed(r.mke, r.fields);
    const problem = checkRecord(fields)[0];
    if (problem) {
      return {
        kind: 'problem',
        path: '',
        message: problem.message,
        tag: problem.tag,
        record: i + 1,
      };
    }
    const key = recordKey(fields);
    planned.push({
      key,
      mke: r.mke,
      fields,
      line: encodeRecord(fields),
      identity:
        identityOf(r.fields).length > 0 ? identityOf(r.fields) : (byKey.get(key)?.identity ?? []),
    });
  }
  return { kind: 'send', records: planned };
}
