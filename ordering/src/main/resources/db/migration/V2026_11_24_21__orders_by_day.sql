-- The settlement report reads one campus day of orders at a time.
create index orders_by_stock_day on ordering.orders (stock_day, merchant_id);
