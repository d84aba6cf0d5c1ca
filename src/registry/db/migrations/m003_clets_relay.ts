/**
 * Migration 3: the CLETS relay's outbox (issue 8; src/registry/relay, docs/relay.md).
 *
 * - clets_events: one row per registry change the relay must act on (order submitted, new
 *   version, proof of service), with the order AS IT WAS THEN. A trigger on order_events writes
 *   it in the same transaction as the change, so no change can be missed or relayed twice.
 * - clets_transactions: one CLETS transaction per lifecycle event; its message id and exact
 *   message text are written BEFORE it is sent, and every resend uses them unchanged.
 * - clets_records: what this registry has on file at CLETS (record key → FCN).
 * - orders.clets: the relay's view of the order for the pull feed (FCNs, due-by, rejection with
 *   the field to fix).
 * Orders already at the registry when this runs are queued once, with their current content.
 */
export const m003CletsRelay = {
  version: 3,
  name: 'clets-relay',
  sql: `
CREATE TABLE clets_relay_instance (
  id        int PRIMARY KEY CHECK (id = 1),
  instance  text NOT NULL
);
-- Part of every message id, so two registry databases never reuse one at CLETS.
INSERT INTO clets_relay_instance VALUES (1, substr(replace(gen_random_uuid()::text, '-', ''), 1, 10));

CREATE TABLE clets_events (
  id               bigserial PRIMARY KEY,
  source_event_id  bigint UNIQUE,
  order_id         text NOT NULL REFERENCES orders(order_id),
  court_ori        text NOT NULL,
  version          int NOT NULL,
  source           text NOT NULL CHECK (source IN ('submitted', 'modified', 'served')),
  payload          jsonb NOT NULL,
  service          jsonb,
  received_at      timestamptz NOT NULL DEFAULT now(),
  planned          boolean NOT NULL DEFAULT false
);
CREATE INDEX clets_events_new ON clets_events (id) WHERE NOT planned;
CREATE INDEX clets_events_order ON clets_events (order_id, id);

CREATE TABLE clets_transactions (
  id              bigserial PRIMARY KEY,
  clets_event_id  bigint NOT NULL REFERENCES clets_events(id),
  order_id        text NOT NULL REFERENCES orders(order_id),
  court_ori       text NOT NULL,
  version         int NOT NULL,
  event           text NOT NULL,
  state           text NOT NULL DEFAULT 'pending'
                  CHECK (state IN ('pending', 'sending', 'acknowledged', 'rejected', 'skipped')),
  -- The order as this transaction sends it (the version's content, with the service applied).
  order_snapshot  jsonb,
  -- Why it cannot be sent (rejected locally) or why there was nothing to send (skipped).
  problem         jsonb,
  message_id      text UNIQUE,
  message         text[],
  record_keys     text[],
  mkes            text[],
  identities      jsonb,
  event_at        timestamptz NOT NULL,
  event_at_text   text NOT NULL,
  due_by          text NOT NULL,
  due_at          timestamptz NOT NULL,
  received_at     timestamptz NOT NULL,
  sent_at         timestamptz,
  attempts        int NOT NULL DEFAULT 0,
  finished_at     timestamptz,
  fcns            text[],
  reject          jsonb
);
CREATE INDEX clets_tx_pending ON clets_transactions (order_id, id) WHERE state = 'pending';
CREATE INDEX clets_tx_sending ON clets_transactions (id) WHERE state = 'sending';
CREATE INDEX clets_tx_sending_order ON clets_transactions (order_id) WHERE state = 'sending';
CREATE INDEX clets_tx_open_due ON clets_transactions (court_ori, due_at)
  WHERE state IN ('pending', 'sending');
CREATE INDEX clets_tx_order ON clets_transactions (order_id, id);

CREATE TABLE clets_records (
  order_id    text NOT NULL REFERENCES orders(order_id),
  record_key  text NOT NULL,
  fcn         text NOT NULL,
  state       text NOT NULL CHECK (state IN ('active', 'cleared', 'cancelled')),
  identity    jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (order_id, record_key)
);
CREATE INDEX clets_records_fcn ON clets_records (fcn);

ALTER TABLE orders ADD COLUMN clets jsonb;

CREATE FUNCTION clets_capture_event() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO clets_events (source_event_id, order_id, court_ori, version, source, payload, service, received_at)
  SELECT NEW.id, o.order_id, o.court_ori, NEW.version,
         CASE WHEN NEW.event = 'submitted' THEN 'submitted'
              WHEN NEW.event = 'served' THEN 'served' ELSE 'modified' END,
         o.payload,
         CASE WHEN NEW.event = 'served'
              THEN (SELECT s.payload FROM service_records s WHERE s.record_id = NEW.detail->>'recordId')
         END,
         NEW.at
  FROM orders o WHERE o.order_id = NEW.order_id;
  RETURN NULL;
END
$fn$;

CREATE TRIGGER order_events_to_clets AFTER INSERT ON order_events
  FOR EACH ROW WHEN (NEW.event IN ('submitted', 'modified', 'served'))
  EXECUTE FUNCTION clets_capture_event();

INSERT INTO clets_events (order_id, court_ori, version, source, payload, received_at)
  SELECT order_id, court_ori, version, 'submitted', payload, created_at FROM orders ORDER BY created_at;
INSERT INTO clets_events (order_id, court_ori, version, source, payload, service, received_at)
  SELECT s.order_id, o.court_ori, o.version, 'served', o.payload, s.payload, s.created_at
  FROM service_records s JOIN orders o ON o.order_id = s.order_id ORDER BY s.created_at;
`,
};
