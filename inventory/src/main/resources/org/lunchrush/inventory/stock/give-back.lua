-- Gives back a reservation that never became an order (it was never recorded in the ledger).
-- When the day is not loaded there is nothing to correct: the next load computes the counter
-- from the ledger.
-- KEYS[1]: the stock hash; ARGV: item id, quantity, ...
if redis.call('EXISTS', KEYS[1]) == 0 then
	return 0
end
for i = 1, #ARGV, 2 do
	redis.call('HINCRBY', KEYS[1], ARGV[i], tonumber(ARGV[i + 1]))
end
return 1
