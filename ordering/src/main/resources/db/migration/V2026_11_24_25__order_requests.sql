-- The Idempotency-Key an order was placed with and the digest of the request, so that the
-- key's answer can be restored to Redis after Redis lost its data.
alter table ordering.orders
	add column idempotency_key     text,
	add column request_fingerprint text;
create index orders_keyed_by_time on ordering.orders (placed_at) where idempotency_key is not null;
