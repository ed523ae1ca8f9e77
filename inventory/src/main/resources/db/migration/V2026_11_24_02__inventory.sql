create schema if not exists inventory;

-- The stock each day opens with, per item.
create table inventory.item_stock (
	item_id     bigint primary key,
	merchant_id bigint not null,
	daily_stock integer not null check (daily_stock >= 0)
);
create index item_stock_merchant_idx on inventory.item_stock (merchant_id);

-- Frozen per day when the day's counter is first loaded, so later changes to the default
-- do not rewrite history.
create table inventory.stock_day (
	item_id     bigint not null,
	merchant_id bigint not null,
	day         date not null,
	opening     integer not null,
	primary key (item_id, day)
);
create index stock_day_merchant_idx on inventory.stock_day (merchant_id, day);

-- Every movement of available stock: RESERVE (negative), RELEASE (positive), ADJUST (either).
-- One reservation and one release per order and item, whatever is redelivered.
create table inventory.stock_ledger (
	id          bigint primary key,
	item_id     bigint not null,
	merchant_id bigint not null,
	day         date not null,
	kind        varchar(16) not null check (kind in ('RESERVE', 'RELEASE', 'ADJUST')),
	quantity    integer not null,
	order_id    bigint,
	at          timestamptz not null,
	unique (order_id, item_id, kind)
);
create index stock_ledger_day_idx on inventory.stock_ledger (day, item_id);
