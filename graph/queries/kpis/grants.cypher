// Every grant to an organisation (support to the regional network organisations), for the budget lens.
MATCH (g:Grant)
RETURN g.id AS id, g.line AS line, g.granted_on.year AS year, g.amount AS amount
