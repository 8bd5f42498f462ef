// Keep each organisation's last activity current: the dormant list reads it from the
// organisation (last_activity_at / _id / _via, indexed) instead of deriving it for every
// organisation in the network on every view. Definitions in lo_network/domain/followup.py.
// Which organisations are derived again:
// - those given ($organisations), the employers of the people given ($people);
// - for the registrations given: the employers of the registered person, the organisation on
//   whose behalf;
// - for the activities given, and those that started after $started_after up to $now: every
//   organisation tied to them (a person employed there registered, on its behalf, organiser,
//   partner);
// - every organisation whose stored last activity is one of $gone_from: the activities whose
//   events may have left organisations no longer tied to them (an activity deleted, its
//   organisers changed). An event that goes can only change the organisations whose last one
//   it was. The other removals name their organisation ($organisations).
// An event counts once its activity has started by $now. A partnership counts at the
// project's end, or at 9999-12-31 while it has none: the list shows "today" for a running one.
// Only what changed is written. Returns how many organisations changed.
WITH $activities + COLLECT {
    MATCH (a:Activity)
    WHERE $started_after IS NOT NULL AND a.starts_at > datetime($started_after) AND a.starts_at <= datetime($now)
    RETURN a.id
  } AS tied
CALL (tied) {
  UNWIND $organisations AS id MATCH (o:Organisation {id: id}) RETURN o
  UNION
  UNWIND $people AS id MATCH (:Person {id: id})-[:WORKS_AT]->(o:Organisation) RETURN o
  UNION
  UNWIND $registrations AS id MATCH (:Registration {id: id})<-[:REGISTERED]-(:Person)-[:WORKS_AT]->(o:Organisation) RETURN o
  UNION
  UNWIND $registrations AS id MATCH (:Registration {id: id})-[:ON_BEHALF_OF]->(o:Organisation) RETURN o
  UNION
  UNWIND tied AS id MATCH (:Activity {id: id})<-[:FOR]-(:Registration)<-[:REGISTERED]-(:Person)-[:WORKS_AT]->(o:Organisation) RETURN o
  UNION
  UNWIND tied AS id MATCH (:Activity {id: id})<-[:FOR]-(:Registration)-[:ON_BEHALF_OF]->(o:Organisation) RETURN o
  UNION
  UNWIND tied AS id MATCH (:Activity {id: id})<-[:ORGANISES|PARTNER_IN]-(o:Organisation) RETURN o
  UNION
  UNWIND $gone_from AS id MATCH (o:Organisation {last_activity_id: id}) RETURN o
}
WITH o,
  [(o)<-[w:WORKS_AT]-(:Person)-[:REGISTERED]->(r:Registration)-[:FOR]->(a:Activity)
    WHERE r.attendance = 'present' AND a.starts_at <= datetime($now)
      AND (w.since IS NULL OR w.since <= left(toString(a.starts_at), 10))
      AND (w.until IS NULL OR w.until >= left(toString(a.starts_at), 10))
    | {id: a.id, at: a.starts_at, via: 'attended'}]
  + [(o)<-[:ON_BEHALF_OF]-(r:Registration)-[:FOR]->(a:Activity)
    WHERE r.attendance = 'present' AND a.starts_at <= datetime($now) AND NOT EXISTS { (:Person)-[:REGISTERED]->(r) }
    | {id: a.id, at: a.starts_at, via: 'on_behalf'}]
  + [(o)-[:ORGANISES]->(a:Activity) WHERE a.starts_at <= datetime($now)
    | {id: a.id, at: a.starts_at, via: 'organised'}]
  + [(o)-[:PARTNER_IN]->(a:Activity) WHERE a.starts_at <= datetime($now)
    | {id: a.id, at: coalesce(a.ends_at, datetime('9999-12-31T00:00:00Z')), via: 'partner'}] AS events
WITH o, reduce(last = null, e IN events | CASE WHEN last IS NULL OR e.at > last.at THEN e ELSE last END) AS last
WHERE coalesce(o.last_activity_id, '') <> coalesce(last.id, '')
   OR coalesce(o.last_activity_via, '') <> coalesce(last.via, '')
   OR coalesce(o.last_activity_at, datetime('0001-01-01T00:00:00Z')) <> coalesce(last.at, datetime('0001-01-01T00:00:00Z'))
SET o.last_activity_at = last.at, o.last_activity_id = last.id, o.last_activity_via = last.via
RETURN count(o) AS changed
