create schema if not exists cluster;

-- ShedLock's lock table: one row per named lease, held until lock_until.
create table cluster.shedlock (
	name       varchar(64) primary key,
	lock_until timestamptz not null,
	locked_at  timestamptz not null,
	locked_by  varchar(255) not null
);

-- The fencing token of each lease: raised every time the lease is taken. A holder's write
-- checks, in its own transaction and under a share lock of this row, that the token is
-- still the one it was given, so a holder that was paused past its lease writes nothing
-- once another has taken over.
create table cluster.lease_fence (
	name     varchar(64) primary key,
	token    bigint not null,
	holder   varchar(255) not null,
	taken_at timestamptz not null
);
