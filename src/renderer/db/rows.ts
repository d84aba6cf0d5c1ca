/**
 * Row shapes stored in IndexedDB. Rows hold plain data (ISO strings, numbers, Blobs), and are
 * parsed with zod by the repositories that read them, never trusted as-is.
 */
import type { PulledReview } from '../../shared/ipc/contracts/sync';
export type SettingRow = { readonly key: string; readonly value: unknown };

export type DraftRow = {
  readonly id: string;
  readonly orderType: string;
  readonly owner: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The form's values as the clerk left them; validated only on review. */
  readonly values: unknown;
};

export type PageRow = {
  readonly id: string;
  /** The draft or order the page belongs to. */
  readonly ownerId: string;
  readonly position: number;
  readonly mime: string;
  readonly bytes: Blob;
  readonly thumbnail?: Blob;
  /** A JPEG rendition for display when `bytes` is a format browsers cannot show (G4 TIFF). */
  readonly preview?: Blob;
  readonly width: number;
  readonly height: number;
  readonly dpi: number;
  readonly sha256: string;
};

export type OrderRow = {
  readonly id: string;
  readonly orderType: string;
  readonly caseNumber: string;
  readonly status: string;
  readonly updatedAt: string;
  /** Department or courtroom that issued it ('' when not recorded), for the print queue (v2). */
  readonly courtroom: string;
  /** When the clerk submitted it on this workstation (v2). */
  readonly submittedAt: string;
  readonly order: unknown;
  /** CLETS file control number, once CLETS acknowledged the order (from the registry's feed). */
  readonly fcn?: string | null;
  /** Why the order needs attention or was rejected, in the registry's or CLETS's words. */
  readonly statusReason?: string | null;
  /** When the registry last changed the status (ISO, from the feed). */
  readonly statusAt?: string | null;
  /** A supervisor's review of it (returned with a comment, waiting for approval), from the feed. */
  readonly review?: PulledReview | null;
};

export type OutboxState = 'pending' | 'in-flight' | 'at-registry' | 'needs-attention';

export type OutboxRow = {
  readonly seq?: number;
  readonly idempotencyKey: string;
  readonly orderId: string | null;
  readonly kind: string;
  readonly state: OutboxState;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly payload: unknown;
  /** Stable code of the last refusal or hold (e.g. invalid-payload, pages-incomplete). */
  readonly reason?: string | null;
  /** When the sync engine last handed this row to main. */
  readonly lastAttemptAt?: string | null;
  /** When the row reached at-registry or needs-attention. */
  readonly settledAt?: string | null;
};

/**
 * The registry's current state of one of the court's orders (v3): a local cache kept by the
 * pull feed for offline search and conflict checks. `status` uses the workstation's words
 * (statusLabels); `nameKeys` holds the parties' folded surnames and their Double Metaphone codes.
 */
export type RegistryOrderRow = {
  readonly id: string;
  readonly courtOri: string;
  readonly orderType: string;
  readonly caseNumber: string;
  /** Case number folded for matching (letters and digits, upper case). */
  readonly caseKey: string;
  readonly status: string;
  readonly statusAt: string;
  readonly fcn: string | null;
  readonly rejectReason: string | null;
  readonly version: number;
  readonly updatedAt: string;
  readonly nameKeys: readonly string[];
  /** The order record as the registry holds it, as JSON text (parsed only when needed). */
  readonly orderJson: string;
  /** The supervisors' review, when there is one (not indexed). */
  readonly review?: PulledReview | null;
};

export type AuditRow = {
  readonly seq?: number;
  readonly at: string;
  readonly state: 'pending' | 'sent';
  readonly event: unknown;
};
