create schema if not exists delivery;

-- Riders as the dispatcher sees them. The position is the building of the last stop, or the
-- building where the shift started.
create table delivery.rider (
	rider_id             bigint primary key,
	on_shift             boolean not null,
	position_building_id bigint not null,
	capacity             integer not null check (capacity between 1 and 30),
	shift_started_at     timestamptz,
	updated_at           timestamptz not null
);

-- One delivery task per order the merchant accepted. A task is held by at most one rider
-- (rider_id), set only by a guarded update from WAITING.
create table delivery.task (
	order_id            bigint primary key,
	merchant_id         bigint not null,
	pickup_building_id  bigint not null,
	dropoff_building_id bigint not null,
	status              varchar(16) not null
		check (status in ('WAITING', 'ASSIGNED', 'PICKED_UP', 'DELIVERED', 'CANCELLED')),
	ready               boolean not null default false,
	expected_ready_at   timestamptz not null,
	accepted_at         timestamptz not null,
	rider_id            bigint,
	route_position      integer,
	updated_at          timestamptz not null,
	check ((status in ('ASSIGNED', 'PICKED_UP', 'DELIVERED')) = (rider_id is not null))
);
create index task_waiting_idx on delivery.task (expected_ready_at) where status = 'WAITING';
create index task_rider_idx on delivery.task (rider_id) where status in ('ASSIGNED', 'PICKED_UP');
