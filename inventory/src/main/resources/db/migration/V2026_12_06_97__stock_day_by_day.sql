-- The merchants whose day is open, read every few seconds to find the day's live counters
-- by their keys (the orphan repair) instead of scanning Redis' keyspace.
create index stock_day_day_idx on inventory.stock_day (day, merchant_id);
