-- Gives a cancelled order's portions back once its release is recorded in the ledger, at most
-- once per order: a counter loaded after the release already counts it (the load marks the
-- order), and a repeated give-back changes nothing. When the day is not loaded there is nothing
-- to correct: the next load computes the counter from the ledger.
-- KEYS[1]: the stock hash; ARGV[1]: order id; ARGV[2..]: item id, quantity, ...
-- Returns 1 when given back, 0 otherwise.
if redis.call('EXISTS', KEYS[1]) == 0 then
	return 0
end
if redis.call('HSETNX', KEYS[1], 'rel:' .. ARGV[1], '1') == 0 then
	return 0
end
for i = 2, #ARGV, 2 do
	redis.call('HINCRBY', KEYS[1], ARGV[i], tonumber(ARGV[i + 1]))
end
return 1
