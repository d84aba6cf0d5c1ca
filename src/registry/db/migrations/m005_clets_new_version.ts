/**
 * Migration 5: when a change reaches the registry, the order's `clets` view (pull feed) at once
 * counts it as open and drops the rejection it answers — in the change's own transaction — so a
 * workstation never sees "at registry" next to a stale rejection while the relay catches up
 * (e.g. during a CLETS or relay outage). The relay recomputes the full view when it plans the change.
 */
export const m005CletsNewVersion = {
  version: 5,
  name: 'clets-new-version',
  sql: `
CREATE OR REPLACE FUNCTION clets_capture_event() RETURNS trigger LANGUAGE plpgsql AS $fn$
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
  UPDATE orders
     SET clets = clets || jsonb_build_object('reject', null,
                                             'open', COALESCE((clets->>'open')::int, 0) + 1)
   WHERE order_id = NEW.order_id AND clets IS NOT NULL;
  RETURN NULL;
END
$fn$;
`,
};
