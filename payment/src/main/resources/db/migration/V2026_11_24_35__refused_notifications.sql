-- Signed provider notifications the platform refused to apply: a refund it never asked for, a
-- charge the provider does not confirm when asked, a notification that names another payment,
-- order, transaction or amount than the platform asked for. Operators list them
-- (GET /api/v1/admin/refused-notifications). A provider retries a refused notification, so one
-- row per notification and reason counts the copies rather than piling them up.
create table payment.refused_notification (
	id                bigint primary key,
	kind              varchar(8) not null check (kind in ('CHARGE', 'REFUND')),
	-- the provider's transaction id for a charge, the provider's refund id for a refund
	reference         text not null,
	reason            varchar(16) not null
		check (reason in ('UNKNOWN_PAYMENT', 'MISMATCH', 'UNREQUESTED', 'UNCONFIRMED')),
	detail            text not null,
	transaction_id    text not null,
	-- as the notification claims them; nothing here is trusted
	payment_id        bigint not null,
	order_id          bigint not null,
	amount_cents      integer not null,
	body              text not null,
	first_received_at timestamptz not null,
	last_received_at  timestamptz not null,
	copies            integer not null default 1,
	unique (kind, reference, reason)
);
create index refused_notification_newest on payment.refused_notification (last_received_at desc, id desc);
