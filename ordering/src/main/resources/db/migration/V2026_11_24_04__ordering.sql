create schema if not exists ordering;

-- Ids are time-ordered TSIDs made by the application, and every table carries building_id,
-- so the order tables can be sharded by dorm building without a schema change.
create table ordering.orders (
	id                  bigint primary key,
	student_id          bigint not null,
	merchant_id         bigint not null,
	building_id         bigint not null,
	status              varchar(20) not null,
	total_cents         integer not null check (total_cents > 0),
	vip                 boolean not null,
	note                text,
	stock_day           date not null,
	placed_at           timestamptz not null,
	pay_by              timestamptz not null,
	paid_transaction_id text,
	updated_at          timestamptz not null
);
create index orders_student_idx on ordering.orders (student_id, id desc);
create index orders_merchant_status_idx on ordering.orders (merchant_id, status);
create index orders_unpaid_deadline_idx on ordering.orders (pay_by) where status = 'PENDING_PAYMENT';

create table ordering.order_line (
	order_id         bigint not null,
	building_id      bigint not null,
	item_id          bigint not null,
	name             text not null,
	unit_price_cents integer not null,
	quantity         integer not null check (quantity between 1 and 99),
	primary key (order_id, item_id)
);

-- 消息轨迹: every state change and every message about an order, once per event key.
create table ordering.timeline (
	order_id    bigint not null,
	event_key   text not null,
	id          bigint not null,
	building_id bigint not null,
	at          timestamptz not null,
	type        varchar(32) not null,
	detail      text not null,
	primary key (order_id, event_key)
);
