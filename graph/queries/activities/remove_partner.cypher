MATCH (:Organisation {id: $organisation_id})-[p:PARTNER_IN]->(:Activity {id: $id})
DELETE p
RETURN count(*) AS removed
