create schema if not exists governor;

-- The operators' mode of each switch of the load governor: AUTO (the governor decides from
-- each process's load), ON or OFF (forced in every platform process). Every process reads
-- this table every lunchrush.governor.interval (1 s). A switch without a row is AUTO.
create table governor.switch_mode (
	feature varchar(32) primary key,
	mode    varchar(8) not null check (mode in ('AUTO', 'ON', 'OFF')),
	set_by  bigint not null,
	set_at  timestamptz not null
);
