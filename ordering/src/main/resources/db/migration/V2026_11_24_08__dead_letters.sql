-- Messages that could not be processed, kept for operators to inspect and replay.
create table ordering.dead_letter (
	id           bigint primary key,
	source       varchar(16) not null check (source in ('RABBITMQ', 'KAFKA')),
	destination  text not null,
	message_key  text,
	payload      bytea not null,
	headers      text not null,
	received_at  timestamptz not null,
	replay_count integer not null default 0,
	replayed_at  timestamptz
);
create index dead_letter_received_idx on ordering.dead_letter (received_at desc);
