/**
 * From a CLETS answer back to the clerk's form: which order field an NCIC tag came from, and the
 * reason in words a clerk can act on. DATA tables plus one function; the relay stores the result
 * against the order so the workstation's needs-attention list can show it.
 */
import type { RejectCode } from '../clets-sim/protocol';

/** Where a tag's value comes from in the order record, and what the clerk calls it. */
export type TagSource = { readonly path: string; readonly label: string };

/**
 * Tag → order field (see src/shared/orders/cletsRecords.ts). `{i}` is the protected person's
 * index (the record number − 1: one record per protected person).
 */
export const TAG_SOURCES: Readonly<Record<string, TagSource>> = {
  ORI: { path: 'court.ori', label: 'court ORI' },
  CTI: { path: 'court.ori', label: 'court ORI' },
  NAM: { path: 'restrained.name', label: "restrained person's name" },
  SEX: { path: 'restrained.sex', label: "restrained person's sex" },
  RAC: { path: 'restrained.race', label: "restrained person's race" },
  DOB: { path: 'restrained.dob', label: "restrained person's date of birth" },
  HGT: { path: 'restrained.height', label: "restrained person's height" },
  WGT: { path: 'restrained.weight', label: "restrained person's weight" },
  EYE: { path: 'restrained.eye', label: "restrained person's eye colour" },
  HAI: { path: 'restrained.hair', label: "restrained person's hair colour" },
  SKN: { path: 'restrained.skin', label: "restrained person's skin tone" },
  OLN: { path: 'restrained.licence.number', label: "restrained person's driver licence number" },
  OLS: { path: 'restrained.licence.state', label: "restrained person's driver licence state" },
  PNO: { path: 'caseNumber', label: 'case number' },
  BRD: { path: 'bradyIndicator', label: 'Brady indicator' },
  ISD: { path: 'issuedAt', label: 'issue date' },
  EXP: { path: 'expiration', label: 'expiration date' },
  PCO: { path: 'terms', label: 'order terms (condition codes)' },
  PPN: { path: 'protected[{i}].name', label: "protected person's name" },
  PSX: { path: 'protected[{i}].sex', label: "protected person's sex" },
  PPR: { path: 'protected[{i}].race', label: "protected person's race" },
  PPB: { path: 'protected[{i}].dob', label: "protected person's date of birth" },
  MIS: { path: 'terms', label: 'other terms (miscellaneous text)' },
  OCA: { path: 'agencyCaseNumber', label: 'agency case number' },
};

/** What each reject code means for the clerk and what to do (DATA). */
export const REJECT_ADVICE: Readonly<Record<RejectCode | 'LOCAL', string>> = {
  FMT: 'CLETS could not read the transaction. This is a system problem, not a data problem: tell the registry administrator.',
  INV: 'CLETS refused the {label}: {text}. Correct the {label} and resubmit the order.',
  MND: 'CLETS needs the {label}, which is missing. Add the {label} and resubmit the order.',
  DUP: 'CLETS already has this order on file ({text}); it was not entered twice. A supervisor should check the existing entry before anything is resubmitted.',
  NOF: 'CLETS has no record of this order to update ({text}). Resubmit the order so it is entered again.',
  IDM: 'CLETS refused a message id that was used before. This is a system problem: tell the registry administrator.',
  LOCAL: 'The order cannot be sent to CLETS: {text}. Correct the {label} and resubmit the order.',
};

/** A rejection as stored against the order and shown to the clerk. */
export type RejectView = {
  readonly code: RejectCode | 'LOCAL';
  /** The CLETS reason text as received. */
  readonly text: string;
  readonly tag: string | null;
  /** 1-based record number (0 = the whole message). */
  readonly record: number;
  /** Form field to fix, e.g. `restrained.height` or `protected[1].name`; null when none. */
  readonly field: string | null;
  readonly label: string | null;
  /** The reason in clerk words, saying what to fix. */
  readonly message: string;
};

/** The order field path of `tag` in record `record` (1-based), or null for an unknown tag. */
export function fieldPathOf(tag: string | null, record: number): TagSource | null {
  if (!tag) return null;
  const source = TAG_SOURCES[tag];
  if (!source) return null;
  return { ...source, path: source.path.replace('{i}', String(Math.max(0, record - 1))) };
}

/** Builds the clerk view of a rejection. `field` overrides the tag's path (local problems). */
export function describeReject(input: {
  code: RejectCode | 'LOCAL';
  text: string;
  tag: string | null;
  record: number;
  field?: string | null;
}): RejectView {
  const source = fieldPathOf(input.tag, input.record);
  const field = input.field ?? source?.path ?? null;
  const label = source?.label ?? (field ? field.replace(/\[\d+\]/g, '').replace(/\./g, ' ') : null);
  const message = REJECT_ADVICE[input.code]
    .replaceAll('{label}', label ?? 'order')
    .replaceAll('{text}', input.text.replace(/\.$/, ''));
  return {
    code: input.code,
    text: input.text,
    tag: input.tag,
    record: input.record,
    field,
    label,
    message,
  };
}
