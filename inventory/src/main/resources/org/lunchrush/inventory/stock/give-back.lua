-- Gives back a reservation that never became an order (it was never recorded in the ledger),
-- once: only while its intent is still in the hash. A counter rebuilt from the ledger since the
-- reservation (a rebuild drops every intent) does not count it, so nothing is given back then.
-- KEYS[1]: the stock hash; ARGV[1]: the intent's field (i:<orderId>); ARGV[2…]: item id, quantity, ...
-- Returns 1 when given back, 0 when there was nothing to give back.
if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then
	return 0
end
for i = 2, #ARGV, 2 do
	redis.call('HINCRBY', KEYS[1], ARGV[i], tonumber(ARGV[i + 1]))
end
return 1
