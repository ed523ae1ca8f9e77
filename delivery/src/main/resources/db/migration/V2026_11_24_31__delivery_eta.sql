-- The hand-over time last told to the student (on the order's timeline), so that a round
-- tells only a change.
alter table delivery.task add column told_eta timestamptz;
