/**
 * The simulator's rules: what CLETS would answer to one message, as a pure state machine.
 *
 * A message is atomic: every record is checked (codec, NCIC tag table via checkRecord, message
 * key, mandatory fields, injected reject rules, what is on file) and either all records take
 * effect (ACK, one FCN each) or none does (REJ naming the first record and field at fault) — a
 * rejected entry is "simply not stored" (domain.md §3.1). Answers are kept by message id so a
 * resend gets the very same answer line; the state file replays them after a restart.
 */
import { createHash } from 'node:crypto';

import { checkRecord, CLETS_TAG_RULES, CletsFormatError, decodeRecord } from '../../shared/clets';
import type { CletsField } from '../../shared/clets';

import { formatAnswer, parseAnswer, recordKey, type Answer, type RejectCode } from './protocol';

/** A record on file at the simulated CLETS. */
export type FiledRecord = {
  readonly key: string;
  readonly fcn: string;
  state: 'active' | 'cleared' | 'cancelled';
  fields: CletsField[];
  /** Message ids that touched this record, oldest first. */
  readonly messages: string[];
};

/** What an accepted message did, as stored in the state file and replayed on start. */
export type Effect =
  | {
      readonly op: 'enter';
      readonly key: string;
      readonly fcn: string;
      readonly fields: CletsField[];
    }
  | { readonly op: 'modify'; readonly key: string; readonly fields: CletsField[] }
  | { readonly op: 'clear'; readonly key: string }
  | { readonly op: 'cancel'; readonly key: string };

/** Counters for STATS. */
export type SimCounters = {
  messages: number;
  resends: number;
  acks: number;
  rejects: Partial<Record<RejectCode, number>>;
  entries: number;
};

/** Everything the simulator knows. */
export type SimState = {
  readonly answers: Map<string, { hash: string; line: string }>;
  readonly records: Map<string, FiledRecord>;
  nextSeq: number;
  readonly counters: SimCounters;
};

/** Any record whose `tag` value contains `contains` is refused as an invalid field. */
export type RejectRule = { readonly tag: string; readonly contains: string };

/** Mandatory tags per message key (DATA; Wisconsin TIME list, domain.md §3.1, as far as we send it). */
export const MANDATORY_TAGS: Readonly<Record<string, readonly string[]>> = {
  EPO: ['ORI', 'NAM', 'SEX', 'RAC', 'PNO', 'BRD', 'ISD', 'EXP', 'CTI', 'OCA'],
  MPO: ['ORI', 'NAM', 'PNO'],
  CPO: ['ORI', 'NAM', 'PNO'],
  XPO: ['ORI', 'NAM', 'PNO'],
};

/** A fresh, empty state. */
export function emptyState(): SimState {
  return {
    answers: new Map(),
    records: new Map(),
    nextSeq: 1,
    counters: { messages: 0, resends: 0, acks: 0, rejects: {}, entries: 0 },
  };
}

/** SHA-256 of a message's record lines: a resend must carry exactly the same records. */
export function messageHash(recordLines: readonly string[]): string {
  return createHash('sha256').update(recordLines.join('\n')).digest('hex');
}

/** FCN: 2-digit year, 3-digit day of year (UTC) and an 8-digit sequence — 13 digits. */
export function makeFcn(seq: number, now: Date): string {
  const start = Date.UTC(now.getUTCFullYear(), 0, 1);
  const day = Math.floor((now.getTime() - start) / 86_400_000) + 1;
  const yy = String(now.getUTCFullYear() % 100).padStart(2, '0');
  return `${yy}${String(day).padStart(3, '0')}${String(seq % 100_000_000).padStart(8, '0')}`;
}

/** Applies accepted effects to the state (also used when replaying the state file). */
export function applyEffects(state: SimState, messageId: string, effects: readonly Effect[]): void {
  for (const e of effects) {
    const filed = state.records.get(e.key);
    if (e.op === 'enter') {
      state.records.set(e.key, {
        key: e.key,
        fcn: e.fcn,
        state: 'active',
        fields: e.fields,
        messages: [messageId],
      });
      state.counters.entries += 1;
      const seq = Number(e.fcn.slice(5));
      if (seq >= state.nextSeq) state.nextSeq = seq + 1;
    } else if (filed) {
      filed.messages.push(messageId);
      if (e.op === 'modify') filed.fields = mergeFields(filed.fields, e.fields);
      else filed.state = e.op === 'clear' ? 'cleared' : 'cancelled';
    }
  }
}

/** A modification replaces the values of the tags it carries (all PCO codes together). */
function mergeFields(onFile: readonly CletsField[], update: readonly CletsField[]): CletsField[] {
  const given = new Set(update.filter((f) => f.tag !== 'MKE').map((f) => f.tag));
  const kept = onFile.filter((f) => !given.has(f.tag));
  return [...kept, ...update.filter((f) => f.tag !== 'MKE')];
}

type Reject = { code: RejectCode; record: number; tag: string | null; text: string };

function ruleFor(tag: string): string {
  const rule = CLETS_TAG_RULES.get(tag);
  return rule ? `${tag} (${rule.meaning})` : tag;
}

/** Checks one decoded record on its own; returns the first problem. */
function checkOne(fields: CletsField[], no: number, rules: readonly RejectRule[]): Reject | null {
  const problem = checkRecord(fields)[0];
  if (problem) {
    return { code: 'INV', record: no, tag: problem.tag, text: problem.message };
  }
  const mke = fields[0]?.value ?? '';
  const mandatory = MANDATORY_TAGS[mke];
  if (!mandatory) {
    return {
      code: 'INV',
      record: no,
      tag: 'MKE',
      text: `message key ${mke} is not one of ${Object.keys(MANDATORY_TAGS).join(', ')}`,
    };
  }
  const missing = mandatory.find((tag) => !fields.some((f) => f.tag === tag));
  if (missing) {
    return {
      code: 'MND',
      record: no,
      tag: missing,
      text: `${ruleFor(missing)} is required for ${mke}`,
    };
  }
  for (const rule of rules) {
    const hit = fields.find((f) => f.tag === rule.tag && f.value.includes(rule.contains));
    if (hit) {
      return {
        code: 'INV',
        record: no,
        tag: hit.tag,
        text: `${ruleFor(hit.tag)} value "${hit.value}" is not accepted`,
      };
    }
  }
  return null;
}

/** Decides the effects of a message's records against what is on file (nothing is changed). */
function decide(
  state: SimState,
  records: CletsField[][],
  now: Date,
): { effects: Effect[]; fcns: string[] } | Reject {
  // A working view so two records of one message see each other (e.g. the same entry twice).
  const view = new Map<string, 'active' | 'cleared' | 'cancelled' | 'absent'>();
  const stateOf = (key: string) => view.get(key) ?? state.records.get(key)?.state ?? 'absent';
  const effects: Effect[] = [];
  const fcns: string[] = [];
  let seq = state.nextSeq;
  for (const [i, fields] of records.entries()) {
    const no = i + 1;
    const mke = fields[0]?.value;
    const key = recordKey(fields);
    const now_ = stateOf(key);
    if (mke === 'EPO') {
      if (now_ === 'active') {
        const fcn = state.records.get(key)?.fcn;
        return {
          code: 'DUP',
          record: no,
          tag: 'PNO',
          text: `duplicate on file${fcn ? ` as FCN ${fcn}` : ''} (same ORI, PNO and PPN)`,
        };
      }
      const fcn = makeFcn(seq, now);
      seq += 1;
      effects.push({ op: 'enter', key, fcn, fields });
      fcns.push(fcn);
      view.set(key, 'active');
      continue;
    }
    const onFile = state.records.get(key);
    const needsActive = mke === 'MPO' || mke === 'CPO';
    if (
      !onFile ||
      now_ === 'absent' ||
      now_ === 'cancelled' ||
      (needsActive && now_ !== 'active')
    ) {
      return {
        code: 'NOF',
        record: no,
        tag: 'PNO',
        text: `not on file: no ${needsActive ? 'active ' : ''}record for this ORI, PNO and PPN`,
      };
    }
    if (mke === 'MPO') effects.push({ op: 'modify', key, fields });
    else if (mke === 'CPO') {
      effects.push({ op: 'clear', key });
      view.set(key, 'cleared');
    } else {
      effects.push({ op: 'cancel', key });
      view.set(key, 'cancelled');
    }
    fcns.push(onFile.fcn);
  }
  return { effects, fcns };
}

/** The outcome of one received message. */
export type Processed = {
  readonly answer: Answer;
  /** The answer line to write back (no line break). */
  readonly line: string;
  /** What to append to the state file (null: nothing new to store, e.g. a resend). */
  readonly store: { hash: string; effects: Effect[] } | null;
  readonly resend: boolean;
};

/**
 * Decides the answer to a message and applies it to `state`. A resend with the same id and the
 * same records gets the stored line; the same id with other records is refused (IDM) and
 * changes nothing. The caller persists `store` before writing `line`.
 */
export function processMessage(
  state: SimState,
  messageId: string,
  recordLines: readonly string[],
  rules: readonly RejectRule[] = [],
  now: Date = new Date(),
): Processed {
  const hash = messageHash(recordLines);
  const previous = state.answers.get(messageId);
  if (previous) {
    if (previous.hash === hash) {
      state.counters.resends += 1;
      return {
        answer: parseStored(previous.line, messageId),
        line: previous.line,
        store: null,
        resend: true,
      };
    }
    const answer: Answer = {
      kind: 'REJ',
      messageId,
      code: 'IDM',
      record: 0,
      tag: null,
      text: 'message id already used for a different message; send a new id',
    };
    state.counters.rejects.IDM = (state.counters.rejects.IDM ?? 0) + 1;
    return { answer, line: formatAnswer(answer), store: null, resend: false };
  }
  state.counters.messages += 1;
  const outcome = evaluate(state, recordLines, rules, now);
  let answer: Answer;
  let effects: Effect[] = [];
  if ('code' in outcome) {
    answer = { kind: 'REJ', messageId, ...outcome };
    state.counters.rejects[outcome.code] = (state.counters.rejects[outcome.code] ?? 0) + 1;
  } else {
    answer = { kind: 'ACK', messageId, fcns: outcome.fcns };
    effects = outcome.effects;
    state.counters.acks += 1;
    applyEffects(state, messageId, effects);
  }
  const line = formatAnswer(answer);
  state.answers.set(messageId, { hash, line });
  return { answer, line, store: { hash, effects }, resend: false };
}

function evaluate(
  state: SimState,
  recordLines: readonly string[],
  rules: readonly RejectRule[],
  now: Date,
): { effects: Effect[]; fcns: string[] } | Reject {
  const records: CletsField[][] = [];
  for (const [i, line] of recordLines.entries()) {
    try {
      records.push(decodeRecord(line));
    } catch (e) {
      const text = e instanceof CletsFormatError ? e.message : 'record cannot be read';
      return { code: 'FMT', record: i + 1, tag: null, text };
    }
  }
  for (const [i, fields] of records.entries()) {
    const problem = checkOne(fields, i + 1, rules);
    if (problem) return problem;
  }
  return decide(state, records, now);
}

function parseStored(line: string, messageId: string): Answer {
  // Stored lines were written by formatAnswer, so they always parse.
  const answer = parseAnswer(line);
  if (!answer) throw new Error(`Stored answer for ${messageId} is unreadable: ${line}`);
  return answer;
}
