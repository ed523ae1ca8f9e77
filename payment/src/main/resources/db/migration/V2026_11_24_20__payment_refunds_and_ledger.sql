-- Refunds become asynchronous: requested by the platform, confirmed by the provider's signed
-- refund notification. The ledger records every movement of money exactly once.

alter table payment.payment add column merchant_id bigint;

alter table payment.refund add column refunded_at timestamptz;
alter table payment.refund add column failure text;
alter table payment.refund
	add constraint refund_status_check check (status in ('REQUESTED', 'SUCCEEDED', 'FAILED'));
update payment.refund set refunded_at = created_at where status = 'SUCCEEDED';
create index refund_requested on payment.refund (created_at) where status = 'REQUESTED';

-- Every verified refund notification, once per provider refund id: the deduplication key.
create table payment.refund_notification (
	provider_refund_id text primary key,
	refund_id          bigint not null,
	received_at        timestamptz not null,
	body               text not null
);

-- The payment ledger: one row per charge (reference = provider transaction id) and per refund
-- (reference = provider refund id). Append-only; the settlement report and the invariant check
-- read it.
create table payment.ledger (
	id             bigint primary key,
	kind           varchar(8) not null check (kind in ('CHARGE', 'REFUND')),
	reference      text not null,
	payment_id     bigint not null,
	order_id       bigint not null,
	merchant_id    bigint,
	transaction_id text not null,
	amount_cents   integer not null check (amount_cents > 0),
	occurred_at    timestamptz not null,
	recorded_at    timestamptz not null,
	unique (kind, reference)
);
create index ledger_by_merchant on payment.ledger (merchant_id, occurred_at);
create index ledger_by_transaction on payment.ledger (transaction_id);

-- Money that moved before the ledger existed (negative ids cannot meet the TSIDs of new rows).
insert into payment.ledger
	(id, kind, reference, payment_id, order_id, merchant_id, transaction_id, amount_cents, occurred_at, recorded_at)
select -row_number() over (order by n.received_at, n.transaction_id), 'CHARGE', n.transaction_id, p.id,
	p.order_id, null, n.transaction_id, p.amount_cents, n.received_at, now()
from payment.notification n join payment.payment p on p.id = n.payment_id;
insert into payment.ledger
	(id, kind, reference, payment_id, order_id, merchant_id, transaction_id, amount_cents, occurred_at, recorded_at)
select r.id, 'REFUND', coalesce(r.provider_refund_id, 'refund-' || r.id), r.payment_id, r.order_id, null,
	r.transaction_id, r.amount_cents, r.created_at, now()
from payment.refund r where r.status = 'SUCCEEDED';

-- The sandbox provider refunds later than it accepts a refund, as real providers do.
alter table payment.sandbox_charge add column refunded_at timestamptz;
