-- Where each rider went, in the order it happened: a shift started at a building, an order
-- picked up at its stall, an order handed over at its building. A rider's day
-- (GET /api/v1/rider/today) is counted and its distance measured along these. Appended
-- only, in the transaction of the move it records.
create table delivery.rider_move (
	id          bigserial primary key,
	rider_id    bigint not null,
	kind        varchar(16) not null check (kind in ('SHIFT_START', 'PICKUP', 'DROPOFF')),
	building_id bigint not null,
	order_id    bigint,
	at          timestamptz not null,
	check ((kind = 'SHIFT_START') = (order_id is null))
);
create index rider_move_rider_idx on delivery.rider_move (rider_id, at);
