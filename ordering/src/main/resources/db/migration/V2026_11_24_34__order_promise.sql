-- What delivery promised the student when the merchant accepted (expected ready time plus the
-- promise), and its latest estimate of the hand-over, shown with the order.
alter table ordering.orders
	add column promised_by timestamptz,
	add column eta         timestamptz;
