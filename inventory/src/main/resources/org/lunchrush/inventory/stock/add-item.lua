-- Adds an item to a day's counter that is already loaded (a new item on the menu). A counter
-- not loaded yet gets the item when it loads from the ledger.
-- KEYS[1]: the stock hash; ARGV[1]: item id; ARGV[2]: portions
if redis.call('EXISTS', KEYS[1]) == 0 then
	return 0
end
return redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
