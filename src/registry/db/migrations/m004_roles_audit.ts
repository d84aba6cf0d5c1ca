/**
 * Migration 4 (issue 9): user accounts and sessions for the role matrix, and the append-only,
 * hash-chained audit trail.
 *
 * - users / user_sessions: accounts with a role and a court, scrypt password hashes, lockout
 *   counters; sessions stored as SHA-256 of a random token, bound to the device that opened them.
 * - audit_events (from migration 1) becomes a per-court hash chain: every row stores its
 *   court's sequence number, the previous row's hash and its own
 *   `row_hash = SHA-256(prev_hash ‖ canonical JSON of the row)` (src/registry/audit/auditLog.ts).
 *   audit_heads holds each chain's last link, locked FOR UPDATE by every append (one writer
 *   per chain, R-AUD-2).
 * - Triggers refuse UPDATE, DELETE and TRUNCATE on audit_events, and a head that goes back or
 *   disappears (R-AUD-1). `backfill` chains rows written before this migration, then arms them.
 *
 * PostgreSQL 15 and PGlite both run PL/pgSQL triggers.
 */
import { chainAuditBacklog } from '../../audit/backfill';
import type { Tx } from '../types';

export const m004RolesAudit = {
  version: 4,
  name: 'roles-audit',
  sql: `
CREATE TABLE users (
  user_id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  court_ori      text NOT NULL REFERENCES courts(ori),
  username       text NOT NULL UNIQUE,
  display_name   text NOT NULL DEFAULT '',
  role           text NOT NULL CHECK (role IN ('clerk', 'courtroom', 'supervisor', 'admin')),
  courtroom      text NOT NULL DEFAULT '',
  password_hash  text NOT NULL,
  failed_count   int NOT NULL DEFAULT 0,
  locked_until   timestamptz,
  disabled_at    timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_court ON users (court_ori);

CREATE TABLE user_sessions (
  token_hash    text PRIMARY KEY,
  user_id       uuid NOT NULL REFERENCES users(user_id),
  device_id     uuid NOT NULL REFERENCES devices(device_id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  revoked_at    timestamptz
);
CREATE INDEX user_sessions_user ON user_sessions (user_id);

ALTER TABLE audit_events ALTER COLUMN device_id DROP NOT NULL;
ALTER TABLE audit_events ALTER COLUMN seq DROP NOT NULL;
ALTER TABLE audit_events ADD COLUMN source text NOT NULL DEFAULT 'workstation'
  CHECK (source IN ('workstation', 'registry'));
ALTER TABLE audit_events ADD COLUMN court_seq bigint;
ALTER TABLE audit_events ADD COLUMN prev_hash text;
ALTER TABLE audit_events ADD COLUMN row_hash text;

CREATE TABLE audit_heads (
  court_ori   text PRIMARY KEY,
  last_seq    bigint NOT NULL,
  last_hash   text NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = '42501';
END
$$;

CREATE FUNCTION audit_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.last_seq <= OLD.last_seq OR NEW.court_ori <> OLD.court_ori THEN
    RAISE EXCEPTION 'audit_heads only moves forward: % refused', TG_OP USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;
`,
  async backfill(tx: Tx): Promise<void> {
    await chainAuditBacklog(tx);
    await tx.exec(`
ALTER TABLE audit_events ALTER COLUMN court_seq SET NOT NULL;
ALTER TABLE audit_events ALTER COLUMN prev_hash SET NOT NULL;
ALTER TABLE audit_events ALTER COLUMN row_hash SET NOT NULL;
CREATE UNIQUE INDEX audit_events_chain ON audit_events (court_ori, court_seq);
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_heads_forward BEFORE UPDATE OR DELETE ON audit_heads
  FOR EACH ROW EXECUTE FUNCTION audit_head_forward_only();
CREATE TRIGGER audit_heads_no_truncate BEFORE TRUNCATE ON audit_heads
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
`);
  },
};
