/**
 * Order search for the device's court: name, DOB, case number, licence number, FCN; paged.
 *
 * A last name matches through any of three channels: trigram similarity (pg_trgm `%`, GIN), a
 * Double Metaphone code (btree), or a shared one-edit key (GIN on text[]). Trigram alone misses
 * short names ("Li"/"Lu" share one trigram of five) and first-letter swaps; phonetic codes alone
 * miss about a third of typos (performance.md §0); the one-edit keys catch every single-letter
 * typo by construction. Ranking: the last name's trigram similarity, raised to 1 for an exact
 * match, 0.7 for one edit away, 0.6 for a phonetic match; plus half the first name's similarity
 * when a first name is given.
 */
import { editKeys, foldName, nameCodes } from '../../shared/search/foldName';
import type { Db } from '../db/types';
import { RegistryError } from '../errors';

import { caseKey, licenceKey } from './searchKeys';

export type SearchQuery = {
  /** "Last" or "Last, First". */
  readonly name?: string | undefined;
  readonly first?: string | undefined;
  readonly dob?: string | undefined;
  readonly caseNumber?: string | undefined;
  readonly licence?: string | undefined;
  readonly fcn?: string | undefined;
  readonly limit: number;
  readonly offset: number;
};

export type SearchHit = {
  readonly orderId: string;
  readonly caseNumber: string;
  readonly orderType: string;
  readonly version: number;
  readonly status: string;
  readonly fcn: string | null;
  readonly restrained: {
    readonly last: string;
    readonly first: string;
    readonly dob: string | null;
  };
  /** The name that matched (may be a protected person or an alias) and the score. */
  readonly match: {
    readonly role: string;
    readonly last: string;
    readonly first: string;
    readonly score: number;
  } | null;
};

export type SearchPage = {
  readonly results: readonly SearchHit[];
  readonly offset: number;
  readonly limit: number;
  /** Offset of the next page, or null on the last page. */
  readonly nextOffset: number | null;
};

type Row = {
  order_id: string;
  case_number: string;
  order_type: string;
  version: number;
  status: string;
  fcn: string | null;
  restrained_last: string;
  restrained_first: string;
  restrained_dob: string | null;
  m_role: string | null;
  m_last: string | null;
  m_first: string | null;
  score: number | null;
};

/** Splits "Last, First" (the comma form clerks use on forms). */
function splitName(name: string, first: string | undefined): { last: string; first: string } {
  const [l, f] = name.includes(',') ? name.split(',', 2) : [name, ''];
  return { last: foldName(l ?? ''), first: foldName(first ?? f ?? '') };
}

/** Runs a search within one court. */
export async function searchOrders(db: Db, courtOri: string, q: SearchQuery): Promise<SearchPage> {
  const params: unknown[] = [courtOri];
  const p = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  const filters: string[] = ['o.court_ori = $1'];
  if (q.caseNumber) filters.push(`o.case_key = ${p(caseKey(q.caseNumber))}`);
  if (q.fcn) filters.push(`o.fcn = ${p(q.fcn.trim())}`);
  if (q.licence) {
    filters.push(
      `EXISTS (SELECT 1 FROM order_licences l WHERE l.court_ori = $1 AND l.order_id = o.order_id AND l.number_key = ${p(licenceKey(q.licence))})`,
    );
  }
  let sql: string;
  if (q.name && foldName(q.name.split(',')[0] ?? '') !== '') {
    const { last, first } = splitName(q.name, q.first);
    const codes = [...new Set(nameCodes(last))].filter((c) => c !== '');
    const lastP = p(last);
    const codesP = codes.map((c) => p(c)).join(', ');
    const phonetic =
      codes.length === 0 ? 'false' : `(d.dm1 IN (${codesP}) OR d.dm2 IN (${codesP}))`;
    const oneEdit = `d.edit_keys && ${p(editKeys(last))}::text[]`;
    const firstP = first === '' ? null : p(first);
    const firstScore = firstP
      ? `CASE WHEN n.first_fold = ${firstP} THEN 1 ELSE similarity(n.first_fold, ${firstP}) END`
      : '0';
    // Order-level filters go inside the per-name scan so the per-name LIMIT stays correct.
    const orderFilters = filters.slice(1);
    const rowFilters = [
      ...(q.dob ? [`n.dob = ${p(q.dob)}::date`] : []),
      ...(orderFilters.length > 0
        ? [
            `EXISTS (SELECT 1 FROM orders o WHERE o.order_id = n.order_id AND ${filters.join(' AND ')})`,
          ]
        : []),
    ];
    // 1. Rank distinct last names (the dictionary is small): trigram, one edit, phonetic.
    // 2. Per matching name, read its orders in this court in score order, at most one page's worth.
    // 3. Keep each order once (it may match by two names), rank, page.
    sql = `WITH names AS (
        SELECT d.last_fold, GREATEST(similarity(d.last_fold, ${lastP}),
          CASE WHEN d.last_fold = ${lastP} THEN 1 WHEN ${oneEdit} THEN 0.7
            WHEN ${phonetic} THEN 0.6 ELSE 0 END)::float8 AS s
        FROM name_dictionary d
        WHERE d.last_fold % ${lastP} OR ${oneEdit} OR ${phonetic}
      ), per_name AS (${
        q.dob
          ? // A DOB is selective: read that day's names (index on court, dob) and keep matches.
            `SELECT n.order_id, n.role, n.last_fold, n.first_fold,
               names.s + 0.5 * (${firstScore})::float8 AS score
             FROM order_names n JOIN names ON names.last_fold = n.last_fold
             WHERE n.court_ori = $1 ${rowFilters.map((f) => `AND ${f}`).join(' ')}`
          : `SELECT x.order_id, x.role, x.last_fold, x.first_fold, names.s + 0.5 * x.fs AS score
             FROM names CROSS JOIN LATERAL (
               SELECT n.order_id, n.role, n.last_fold, n.first_fold, (${firstScore})::float8 AS fs
               FROM order_names n
               WHERE n.court_ori = $1 AND n.last_fold = names.last_fold
                 ${rowFilters.map((f) => `AND ${f}`).join(' ')}
               ORDER BY fs DESC, n.order_id
               LIMIT ${p(q.offset + q.limit + 1)}
             ) x`
      }
      ), hits AS (
        SELECT DISTINCT ON (order_id) order_id, role AS m_role, last_fold AS m_last,
          first_fold AS m_first, score
        FROM per_name ORDER BY order_id, score DESC
      ), top AS (
        SELECT * FROM hits ORDER BY score DESC, order_id LIMIT ${p(q.limit + 1)} OFFSET ${p(q.offset)}
      )
      SELECT o.order_id, o.case_number, o.order_type, o.version, o.status, o.fcn,
        o.restrained_last, o.restrained_first, o.restrained_dob::text AS restrained_dob,
        h.m_role, h.m_last, h.m_first, h.score
      FROM top h JOIN orders o ON o.order_id = h.order_id
      ORDER BY h.score DESC, o.order_id`;
  } else {
    if (q.dob)
      filters.push(
        `o.order_id IN (SELECT order_id FROM order_names WHERE court_ori = $1 AND dob = ${p(q.dob)}::date)`,
      );
    if (filters.length === 1) {
      throw new RegistryError(
        400,
        'search-criteria-required',
        'Search by at least one of: name, dob, caseNumber, licence, fcn.',
      );
    }
    sql = `SELECT o.order_id, o.case_number, o.order_type, o.version, o.status, o.fcn,
        o.restrained_last, o.restrained_first, o.restrained_dob::text AS restrained_dob,
        NULL AS m_role, NULL AS m_last, NULL AS m_first, NULL::float8 AS score
      FROM orders o WHERE ${filters.join(' AND ')}
      ORDER BY o.updated_at DESC, o.order_id
      LIMIT ${p(q.limit + 1)} OFFSET ${p(q.offset)}`;
  }
  const rows = await db.query<Row>(sql, params);
  const page = rows.slice(0, q.limit);
  return {
    results: page.map((r) => ({
      orderId: r.order_id,
      caseNumber: r.case_number,
      orderType: r.order_type,
      version: r.version,
      status: r.status,
      fcn: r.fcn,
      restrained: { last: r.restrained_last, first: r.restrained_first, dob: r.restrained_dob },
      match: r.m_role
        ? {
            role: r.m_role,
            last: r.m_last ?? '',
            first: r.m_first ?? '',
            score: Math.round((r.score ?? 0) * 1000) / 1000,
          }
        : null,
    })),
    offset: q.offset,
    limit: q.limit,
    nextOffset: rows.length > q.limit ? q.offset + q.limit : null,
  };
}
