// Demo only: give former demo organisations a past as participant, and some partners
// a year as participant first, so the demo's growth chart shows joins and losses.
MATCH (o:Organisation)
WHERE 'demo' IN coalesce(o.tags, []) AND size(coalesce(o.status_log, [])) = 1
  AND o.status IN ['former', 'partner'] AND o.status_since >= $since
WITH o, split(o.status_log[0], ':')[0] AS day
WITH o, day, toString(date(day) - duration({months: 8})) AS earlier
WHERE o.status = 'former' OR o.id < $partner_cut
SET o.status_log = [earlier + ':participant'] + o.status_log
RETURN count(o) AS changed
