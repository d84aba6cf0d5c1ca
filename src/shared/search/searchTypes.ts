/**
 * Shapes of the workstation's local search: what is indexed per order, what a search asks for,
 * and what it answers. Plain data (they cross the Web Worker boundary by structured clone).
 */

/** Where the local copy of an order comes from. */
export type CopySource = 'workstation' | 'registry-cache';

/** One name an order can be found by. */
export type SearchName = {
  readonly role: 'restrained' | 'protected' | 'alias';
  readonly last: string;
  readonly first: string;
  /** YYYY-MM-DD or null. */
  readonly dob: string | null;
};

/** What the index keeps of one order (a projection; the full record stays in Dexie). */
export type SearchDoc = {
  readonly id: string;
  readonly caseNumber: string;
  readonly orderType: string;
  readonly status: string;
  /** ISO instant, for ordering exact lookups newest first. */
  readonly updatedAt: string;
  readonly fcn: string | null;
  /** The restrained person first, then protected persons and aliases. */
  readonly names: readonly SearchName[];
  /** Driver-licence numbers as written. */
  readonly licences: readonly string[];
};

/** A search: any mix of name and exact keys; at least one must be given. */
export type LocalQuery = {
  readonly surname?: string | undefined;
  readonly given?: string | undefined;
  readonly caseNumber?: string | undefined;
  /** YYYY-MM-DD. */
  readonly dob?: string | undefined;
  readonly licence?: string | undefined;
  readonly fcn?: string | undefined;
  /** Match surnames by prefix too (search as you type). */
  readonly prefix?: boolean | undefined;
  readonly offset: number;
  readonly limit: number;
};

/** One result row. */
export type LocalHit = {
  readonly id: string;
  readonly caseNumber: string;
  readonly orderType: string;
  readonly status: string;
  readonly updatedAt: string;
  readonly fcn: string | null;
  readonly restrained: {
    readonly last: string;
    readonly first: string;
    readonly dob: string | null;
  };
  /** The name that matched (may be a protected person or an alias) and its score. */
  readonly match: {
    readonly role: SearchName['role'];
    readonly last: string;
    readonly first: string;
    readonly score: number;
  } | null;
  readonly copies: readonly CopySource[];
};

/** One page of results; `total` counts every match. */
export type LocalPage = {
  readonly hits: readonly LocalHit[];
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
};
