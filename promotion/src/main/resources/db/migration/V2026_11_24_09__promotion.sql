create schema if not exists promotion;

-- A batch of identical coupons an operator issues. claimed moves only by a guarded update
-- (claimed < total_quantity), so the database refuses an over-claim even if Redis lets one through.
create table promotion.coupon_batch (
	id                bigint primary key,
	name              text not null,
	amount_off_cents  integer not null check (amount_off_cents > 0),
	min_spend_cents   integer not null,
	valid_from        timestamptz not null,
	valid_until       timestamptz not null,
	total_quantity    integer not null check (total_quantity between 1 and 1000000),
	per_student_limit integer not null check (per_student_limit >= 1),
	claimed           integer not null default 0,
	created_at        timestamptz not null,
	-- An order paying with a coupon is never free or negative.
	check (min_spend_cents > amount_off_cents),
	check (valid_until > valid_from),
	check (claimed between 0 and total_quantity)
);

-- One claimed coupon, owned by one student. LOCKED and REDEEMED carry the order.
create table promotion.coupon (
	id          bigint primary key,
	batch_id    bigint not null references promotion.coupon_batch (id),
	student_id  bigint not null,
	status      varchar(16) not null check (status in ('AVAILABLE', 'LOCKED', 'REDEEMED')),
	order_id    bigint,
	claimed_at  timestamptz not null,
	locked_at   timestamptz,
	redeemed_at timestamptz,
	check ((status = 'AVAILABLE') = (order_id is null))
);
create index coupon_batch_student_idx on promotion.coupon (batch_id, student_id);
create index coupon_student_idx on promotion.coupon (student_id, claimed_at);

-- Append-only: every lock, redemption and release of a coupon for an order, at most once each,
-- so "released exactly once" can be checked after the fact.
create table promotion.coupon_ledger (
	coupon_id bigint not null,
	order_id  bigint not null,
	kind      varchar(16) not null check (kind in ('LOCK', 'REDEEM', 'RELEASE')),
	at        timestamptz not null,
	unique (coupon_id, order_id, kind)
);

-- VIP students (priority lane for payment updates). Redis set lr:vip is its cache.
create table promotion.vip_membership (
	student_id bigint primary key,
	granted_by bigint not null,
	granted_at timestamptz not null,
	note       text
);
