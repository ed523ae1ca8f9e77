-- Which transaction wrote each movement, so that the day's totals can be kept up to date by
-- reading only what was committed since the last reading (StockLedger's fold): every movement
-- of a transaction older than a snapshot's xmin is visible in that snapshot, and no later one
-- can appear below it. Rows already here take this migration's transaction, older than any
-- to come. The invariant check read the whole day's ledger each minute before (1.5 s of
-- PostgreSQL at 560,000 orders; docs/benchmarks.md, seventh stop).
alter table inventory.stock_ledger add column tx xid8 not null default pg_current_xact_id();
create index stock_ledger_day_tx_idx on inventory.stock_ledger (day, tx);
