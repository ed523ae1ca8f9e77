-- What the edge checks a token against (through a cache of a few seconds): an operator can
-- disable an account, and logging out moves the account's token generation on, which
-- refuses every token issued before (a token carries the generation it was issued in).
alter table edge.account
	add column disabled_at      timestamptz,
	add column token_generation bigint not null default 0;
