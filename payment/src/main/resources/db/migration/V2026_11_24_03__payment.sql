create schema if not exists payment;

-- One payment per order; transaction_id is the provider's id of the charge that paid it.
create table payment.payment (
	id             bigint primary key,
	order_id       bigint not null unique,
	student_id     bigint not null,
	amount_cents   integer not null check (amount_cents > 0),
	vip            boolean not null,
	provider       varchar(32) not null,
	status         varchar(16) not null check (status in ('CREATED', 'SUCCEEDED', 'REFUNDED')),
	transaction_id text,
	created_at     timestamptz not null,
	paid_at        timestamptz
);

-- Every verified provider notification, once per provider transaction id: the deduplication key.
create table payment.notification (
	transaction_id text primary key,
	payment_id     bigint not null,
	received_at    timestamptz not null,
	body           text not null
);

-- Money given back, once per provider transaction.
create table payment.refund (
	id                 bigint primary key,
	payment_id         bigint not null,
	order_id           bigint not null,
	transaction_id     text not null unique,
	amount_cents       integer not null,
	reason             text not null,
	status             varchar(16) not null,
	provider_refund_id text,
	created_at         timestamptz not null
);

-- The sandbox provider's own books: it plays the outside payment company.
create table payment.sandbox_charge (
	payment_id     bigint primary key,
	order_id       bigint not null,
	amount_cents   integer not null,
	subject        text not null,
	status         varchar(16) not null check (status in ('OPEN', 'PAID', 'REFUNDED')),
	transaction_id text unique,
	refund_id      text,
	created_at     timestamptz not null,
	paid_at        timestamptz
);
