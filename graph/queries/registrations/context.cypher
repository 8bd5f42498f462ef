// What a registration looks up before it asks for a seat, in one read: the activity (its
// node only: the seat count is read again under the activity's lock), the known people
// with this email address (a contact registered by email may be a known person, whose basis
// for invitations then decides) and an existing organisation whose folded name is exactly
// what the registrant typed. An empty key looks nothing up.
OPTIONAL MATCH (a:Activity {id: $activity_id})
CALL () {
  MATCH (p:Person)
  WHERE $email_key <> '' AND p.email_key = $email_key AND p.erased_at IS NULL
  RETURN collect({id: p.id, name: p.name}) AS people
}
CALL () {
  OPTIONAL MATCH (o:Organisation {name_key: $name_key})
  WHERE $name_key <> ''
  WITH o ORDER BY o.id LIMIT 1
  RETURN CASE WHEN o IS NULL THEN null ELSE {id: o.id, name: o.name} END AS organisation
}
RETURN a {.*} AS activity, people, organisation
