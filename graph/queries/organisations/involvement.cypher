// What an organisation takes part in: activities it organises, projects and living labs it is
// a partner in (with its role), and activities its people take part in (registered or walked
// in, not no-shows; the people named, for the service to leave out those the reader may not
// see). One row per activity and kind of involvement, newest first.
MATCH (o:Organisation {id: $id})
CALL (o) {
  MATCH (o)-[:ORGANISES]->(a:Activity)
  RETURN a, 'organiser' AS involvement, '' AS role, [] AS people
  UNION
  MATCH (o)-[p:PARTNER_IN]->(a:Activity)
  RETURN a, 'partner' AS involvement, coalesce(p.role, '') AS role, [] AS people
  UNION
  MATCH (o)<-[:WORKS_AT]-(person:Person)-[:REGISTERED]->(r:Registration)-[:FOR]->(a:Activity)
  WHERE r.status IN ['registered', 'walk_in'] AND coalesce(r.attendance, '') <> 'no_show'
  WITH a, collect(DISTINCT {id: person.id, name: person.name, attendance: coalesce(r.attendance, '')}) AS people
  RETURN a, 'attendee' AS involvement, '' AS role, people
}
RETURN a.id AS activity_id, a.title AS title, a.kind AS kind, a.starts_at AS starts_at,
       involvement, role, people
ORDER BY a.starts_at DESC, a.id
LIMIT $limit
