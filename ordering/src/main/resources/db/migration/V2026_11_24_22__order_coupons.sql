-- The coupon an order is paid with. total_cents stays what the student pays (the lines'
-- subtotal less discount_cents), so payments and settlement read it as before.
alter table ordering.orders
	add column coupon_id      bigint,
	add column discount_cents integer not null default 0 check (discount_cents >= 0),
	add constraint orders_coupon_discount check ((coupon_id is null) = (discount_cents = 0));
