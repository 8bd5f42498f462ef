MERGE (m:SchemaMigration {id: $id})
ON CREATE SET m.applied_at = datetime($now)
RETURN m.id AS id
