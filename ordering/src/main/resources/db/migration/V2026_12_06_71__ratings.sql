-- A student's rating of a delivered order: one per order (the primary key keeps it so).
create table ordering.rating (
	order_id    bigint primary key,
	merchant_id bigint not null,
	student_id  bigint not null,
	building_id bigint not null,
	stars       smallint not null check (stars between 1 and 5),
	comment     text check (char_length(comment) <= 200),
	rated_at    timestamptz not null
);
-- The merchant's ratings page (newest first) and the report's ratings of a date range.
create index rating_by_merchant on ordering.rating (merchant_id, rated_at desc, order_id desc);

-- Each merchant's ratings added up, moved in the transaction that inserts a rating, so the
-- merchant list (read on every visit) reads a handful of rows instead of counting ratings.
create table ordering.merchant_rating (
	merchant_id  bigint primary key,
	rating_count integer not null check (rating_count > 0),
	stars_total  bigint not null check (stars_total between rating_count and 5 * rating_count)
);
