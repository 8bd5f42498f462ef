// The programme's money per activity (planned budget, realised cost), every activity with an amount,
// future ones included (a budget is planned ahead).
MATCH (a:Activity)
WHERE a.budget_planned IS NOT NULL OR a.budget_spent IS NOT NULL
RETURN a.id AS id, a.kind AS kind, a.programme_line AS line, a.starts_at AS starts_at,
       a.budget_planned AS planned, a.budget_spent AS spent
