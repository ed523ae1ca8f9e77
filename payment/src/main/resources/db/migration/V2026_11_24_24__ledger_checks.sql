-- The invariant check asks about the charges of given orders, and about the orders charged
-- recently; neither reads the whole ledger.
create index ledger_by_order on payment.ledger (order_id);
create index ledger_charges_by_time on payment.ledger (occurred_at) where kind = 'CHARGE';
