// Series of dated sessions (a monthly café): the sessions share a series_id.
CREATE INDEX activity_series_id IF NOT EXISTS FOR (n:Activity) ON (n.series_id);
