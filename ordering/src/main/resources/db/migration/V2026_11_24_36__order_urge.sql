-- When the student last urged the order (催单): the next urge is taken by a conditional update
-- only once the interval has passed, so the rule holds across platform processes.
alter table ordering.orders add column last_urged_at timestamptz;
