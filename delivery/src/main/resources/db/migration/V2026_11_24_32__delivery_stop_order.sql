-- A rider's route is a sequence of stops, not of orders: each task has a place for its pickup
-- and one for its hand-over, so that dispatch can interleave orders (pick up two, hand one
-- over, pick up a third on the way).
alter table delivery.task
	add column pickup_position  integer,
	add column dropoff_position integer,
	drop column route_position;
