-- A merchant's releases of one day, read when its live counter is loaded or rebuilt.
create index stock_ledger_releases_idx on inventory.stock_ledger (merchant_id, day) where kind = 'RELEASE';
