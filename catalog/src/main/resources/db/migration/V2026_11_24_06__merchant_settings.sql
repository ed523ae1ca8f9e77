-- Merchant settings: accept paid orders without a tap, and a "busy" flag that raises the
-- preparation time students are promised.
alter table catalog.merchant
	add column auto_accept boolean not null default false,
	add column busy boolean not null default false;
