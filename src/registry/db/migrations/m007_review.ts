/**
 * Migration 7: who keyed each order, and the supervisors' review (issue 9 §2; src/registry/review,
 * docs/review.md).
 *
 * - order_authors: the actor of every order version pushed with one (who keyed it).
 * - orders.keyed_by: the actor of version 1, filled by a trigger from order_authors whichever
 *   insert path wrote the order (one-by-one or the batched push).
 * - orders.review: the review view the pull feed and the day summary carry.
 * - approvals: second-person checks of corrections and voids (one pending per order).
 * - review_events: the history of returns, requests and decisions (the audit chain has them too).
 * - clets_events.held: a change of an order with a pending correction waits here; the relay's
 *   expand step skips held rows until a second person approves (the trigger decides in the
 *   change's own transaction, so nothing can slip out before the hold).
 */
export const m007Review = {
  version: 7,
  name: 'review',
  sql: `
CREATE TABLE order_authors (
  order_id   text NOT NULL,
  version    int NOT NULL,
  kind       text NOT NULL,
  actor      jsonb NOT NULL,
  username   text NOT NULL,
  device_id  uuid,
  at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (order_id, version)
);

ALTER TABLE orders ADD COLUMN keyed_by jsonb;
ALTER TABLE orders ADD COLUMN review jsonb;

CREATE FUNCTION orders_keyed_by() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW.keyed_by IS NULL THEN
    NEW.keyed_by := (SELECT a.actor FROM order_authors a
                     WHERE a.order_id = NEW.order_id AND a.version = 1);
  END IF;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER orders_keyed_by BEFORE INSERT ON orders
  FOR EACH ROW EXECUTE FUNCTION orders_keyed_by();

CREATE TABLE approvals (
  approval_id       bigserial PRIMARY KEY,
  order_id          text NOT NULL REFERENCES orders(order_id),
  court_ori         text NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('correction', 'void')),
  -- The held version (correction) or the version to void.
  version           int NOT NULL,
  requested_by      jsonb,
  -- Everyone who asked (user names, lower case): none of them may decide.
  requesters        text[] NOT NULL DEFAULT '{}',
  reason            text,
  state             text NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'approved', 'declined')),
  decided_by        jsonb,
  decision_comment  text,
  requested_at      timestamptz NOT NULL DEFAULT now(),
  decided_at        timestamptz
);
CREATE UNIQUE INDEX approvals_one_pending ON approvals (order_id) WHERE state = 'pending';
CREATE INDEX approvals_court ON approvals (court_ori, requested_at);

CREATE TABLE review_events (
  id           bigserial PRIMARY KEY,
  order_id     text NOT NULL REFERENCES orders(order_id),
  court_ori    text NOT NULL,
  action       text NOT NULL,
  actor        jsonb,
  comment      text,
  approval_id  bigint,
  at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX review_events_order ON review_events (order_id, id);

ALTER TABLE clets_events ADD COLUMN held boolean NOT NULL DEFAULT false;

CREATE FUNCTION clets_events_hold() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF EXISTS (SELECT 1 FROM approvals a WHERE a.order_id = NEW.order_id
             AND a.state = 'pending' AND a.kind = 'correction') THEN
    NEW.held := true;
  END IF;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER clets_events_hold BEFORE INSERT ON clets_events
  FOR EACH ROW EXECUTE FUNCTION clets_events_hold();
`,
};
