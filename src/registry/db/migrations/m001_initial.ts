/**
 * Migration 1: devices and enrolment, the push ledger, orders with their search keys, the
 * transaction-ordered change log, page images, and the data tables (mutation kinds, statuses).
 *
 * PostgreSQL 15 SQL only (PGlite is 18): no uuidv7(), MERGE … RETURNING, json_table or
 * any_value(). Never edit a released migration: add a new one (the runner checks checksums).
 */
export const m001Initial = {
  version: 1,
  name: 'initial',
  sql: `
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE courts (
  ori         text PRIMARY KEY,
  name        text NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- One-time enrolment codes (only their SHA-256 is stored).
CREATE TABLE enrolment_codes (
  code_hash   text PRIMARY KEY,
  court_ori   text NOT NULL REFERENCES courts(ori),
  label       text NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  used_by     uuid
);

-- A workstation's credential is "<device_id>.<secret>"; only SHA-256(secret) is kept.
CREATE TABLE devices (
  device_id    uuid PRIMARY KEY,
  court_ori    text NOT NULL REFERENCES courts(ori),
  label        text NOT NULL DEFAULT '',
  secret_hash  text NOT NULL,
  last_seq     bigint NOT NULL DEFAULT 0,
  enrolled_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz
);

-- Data, not code: which mutation kinds the registry accepts.
CREATE TABLE mutation_kinds (
  kind         text PRIMARY KEY,
  description  text NOT NULL,
  enabled      boolean NOT NULL DEFAULT true
);
INSERT INTO mutation_kinds (kind, description) VALUES
  ('order.submit',   'A new order entered at the counter or in the courtroom'),
  ('order.modify',   'A change to an order the registry already holds (carries baseVersion)'),
  ('service.record', 'A proof of service for an order'),
  ('audit.append',   'A workstation audit event');

-- The push ledger: one row per applied or permanently rejected mutation, with the stored
-- response a replay gets back. Written in the same transaction as the effect and last_seq.
CREATE TABLE mutations (
  device_id        uuid NOT NULL REFERENCES devices(device_id),
  seq              bigint NOT NULL,
  idempotency_key  text NOT NULL,
  payload_hash     text NOT NULL,
  kind             text NOT NULL,
  outcome          text NOT NULL CHECK (outcome IN ('applied', 'rejected')),
  result           jsonb NOT NULL,
  received_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (device_id, seq),
  UNIQUE (device_id, idempotency_key)
);

-- A key reused with a different payload: refused (422) and kept here for the supervisor.
CREATE TABLE idempotency_conflicts (
  id               bigserial PRIMARY KEY,
  device_id        uuid NOT NULL,
  idempotency_key  text NOT NULL,
  seq              bigint NOT NULL,
  stored_hash      text NOT NULL,
  offered_hash     text NOT NULL,
  at               timestamptz NOT NULL DEFAULT now()
);

-- Data: the order status model (queued exists only on the workstation, listed for completeness).
CREATE TABLE order_statuses (
  status    text PRIMARY KEY,
  position  int NOT NULL,
  label     text NOT NULL,
  final     boolean NOT NULL
);
INSERT INTO order_statuses (status, position, label, final) VALUES
  ('queued',        0, 'Queued on the workstation', false),
  ('at_registry',   1, 'At the registry',           false),
  ('sent_to_clets', 2, 'Sent to CLETS',             false),
  ('acknowledged',  3, 'Acknowledged by CLETS',     true),
  ('rejected',      4, 'Rejected by CLETS',         true);

CREATE TABLE orders (
  order_id          text PRIMARY KEY,
  court_ori         text NOT NULL REFERENCES courts(ori),
  version           int NOT NULL,
  payload           jsonb NOT NULL,
  payload_hash      text NOT NULL,
  order_type        text NOT NULL,
  case_number       text NOT NULL,
  case_key          text NOT NULL,
  restrained_last   text NOT NULL,
  restrained_first  text NOT NULL DEFAULT '',
  restrained_dob    date,
  status            text NOT NULL DEFAULT 'at_registry' REFERENCES order_statuses(status),
  status_at         timestamptz NOT NULL DEFAULT now(),
  fcn               text,
  reject_code       text,
  reject_reason     text,
  device_id         uuid NOT NULL,
  seq               bigint NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_court_case ON orders (court_ori, case_key);
CREATE INDEX orders_fcn ON orders (fcn) WHERE fcn IS NOT NULL;

-- Narrow name table (one row per person name on an order): GIN trigram only, no GiST beside
-- it (performance.md §6.5), plus btree on the Double Metaphone codes computed in TS.
CREATE TABLE order_names (
  order_id      text NOT NULL REFERENCES orders(order_id) ON DELETE CASCADE,
  court_ori     text NOT NULL,
  role          text NOT NULL CHECK (role IN ('restrained', 'protected', 'alias')),
  person_index  int NOT NULL,
  last_fold     text NOT NULL,
  first_fold    text NOT NULL,
  dm1           text NOT NULL,
  dm2           text NOT NULL,
  dob           date
);
CREATE INDEX order_names_order ON order_names (order_id);
CREATE INDEX order_names_last_trgm ON order_names USING gin (last_fold gin_trgm_ops);
CREATE INDEX order_names_dm1 ON order_names (court_ori, dm1);
CREATE INDEX order_names_dm2 ON order_names (court_ori, dm2);
CREATE INDEX order_names_dob ON order_names (court_ori, dob);

CREATE TABLE order_licences (
  order_id    text NOT NULL REFERENCES orders(order_id) ON DELETE CASCADE,
  court_ori   text NOT NULL,
  number_key  text NOT NULL,
  state       text NOT NULL DEFAULT ''
);
CREATE INDEX order_licences_key ON order_licences (court_ori, number_key);
CREATE INDEX order_licences_order ON order_licences (order_id);

-- History of each order: submissions, modifications, status changes (relay writes these later).
CREATE TABLE order_events (
  id          bigserial PRIMARY KEY,
  order_id    text NOT NULL REFERENCES orders(order_id),
  version     int NOT NULL,
  event       text NOT NULL,
  status      text REFERENCES order_statuses(status),
  detail      jsonb NOT NULL DEFAULT '{}'::jsonb,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX order_events_order ON order_events (order_id, id);

CREATE TABLE service_records (
  record_id   text PRIMARY KEY,
  order_id    text NOT NULL REFERENCES orders(order_id),
  court_ori   text NOT NULL,
  payload     jsonb NOT NULL,
  device_id   uuid NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX service_records_order ON service_records (order_id);

-- Workstation audit events as received; issue 9 adds the per-court hash chain.
CREATE TABLE audit_events (
  id           bigserial PRIMARY KEY,
  court_ori    text NOT NULL,
  device_id    uuid NOT NULL,
  seq          bigint NOT NULL,
  payload      jsonb NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now()
);

-- The pull feed. xid is the writing transaction's id; a reader only returns rows whose xid is
-- below the oldest transaction still running, so a row that commits late can never be skipped.
CREATE TABLE changes (
  change_id   bigserial PRIMARY KEY,
  xid         xid8 NOT NULL DEFAULT pg_current_xact_id(),
  court_ori   text NOT NULL,
  entity      text NOT NULL,
  entity_id   text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX changes_court_order ON changes (court_ori, xid, change_id);

-- Page images, content-addressed by SHA-256, uploaded in chunks and verified on completion.
CREATE TABLE pages (
  sha256        text PRIMARY KEY,
  length        bigint NOT NULL,
  received      bigint NOT NULL DEFAULT 0,
  complete      boolean NOT NULL DEFAULT false,
  content_type  text NOT NULL DEFAULT 'application/octet-stream',
  created_at    timestamptz NOT NULL DEFAULT now(),
  completed_at  timestamptz
);
CREATE TABLE page_chunks (
  sha256        text NOT NULL REFERENCES pages(sha256) ON DELETE CASCADE,
  offset_bytes  bigint NOT NULL,
  data          bytea NOT NULL,
  PRIMARY KEY (sha256, offset_bytes)
);
-- Which courts may read a page (uploaded by one of their devices).
CREATE TABLE page_courts (
  sha256     text NOT NULL REFERENCES pages(sha256) ON DELETE CASCADE,
  court_ori  text NOT NULL,
  PRIMARY KEY (sha256, court_ori)
);
`,
};
