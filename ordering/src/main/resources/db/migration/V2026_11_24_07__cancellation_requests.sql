-- A student's request to cancel an order the merchant already accepted, until the merchant
-- approves or declines it.
alter table ordering.orders add column cancellation_requested_at timestamptz;
