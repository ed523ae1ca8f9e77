-- The W3C trace id of the work that wrote each timeline entry (a request, a message, a
-- scheduled run): what to look for in the logs and spans of one order. Null for entries
-- written before it was kept.
alter table ordering.timeline add column trace_id varchar(32);
