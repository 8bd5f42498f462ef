// How many organisations there are: the list's count when no filter is set (a label count,
// answered from the store's statistics instead of a scan).
RETURN COUNT { (:Organisation) } AS total
