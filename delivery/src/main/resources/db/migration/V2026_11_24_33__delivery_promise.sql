-- When the student is promised the food at the door: the food's expected ready time plus
-- the delivery promise (lunchrush.delivery.promise). Dispatch plans against it and the
-- simulator counts an order on time when it is handed over by then. Tasks from before
-- get the default promise of 30 minutes.
alter table delivery.task add column promised_by timestamptz;
update delivery.task set promised_by = expected_ready_at + interval '30 minutes' where promised_by is null;
alter table delivery.task alter column promised_by set not null;
