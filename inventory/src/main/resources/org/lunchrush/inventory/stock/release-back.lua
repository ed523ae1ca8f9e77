-- Gives a cancelled order's portions back once its release is recorded in the ledger, at most
-- once per order: a counter loaded after the release already counts it (the load marks the
-- order), and a repeated give-back changes nothing. When the day is not loaded there is nothing
-- to correct: the next load computes the counter from the ledger.
-- KEYS[1]: the stock hash; KEYS[2]: the day's set of orders whose release the counter counts
-- ARGV[1]: order id; ARGV[2..]: item id, quantity, ...
-- Returns 1 when given back, 0 otherwise.
if redis.call('EXISTS', KEYS[1]) == 0 then
	return 0
end
-- Counters loaded before the released orders moved to a set of their own kept them in the
-- hash as rel:<order id> fields: still honoured, until those days' counters expire.
if redis.call('HEXISTS', KEYS[1], 'rel:' .. ARGV[1]) == 1 then
	return 0
end
if redis.call('SADD', KEYS[2], ARGV[1]) == 0 then
	return 0
end
if redis.call('TTL', KEYS[2]) < 0 then
	local ttl = redis.call('PTTL', KEYS[1])
	if ttl > 0 then
		redis.call('PEXPIRE', KEYS[2], ttl)
	end
end
for i = 2, #ARGV, 2 do
	redis.call('HINCRBY', KEYS[1], ARGV[i], tonumber(ARGV[i + 1]))
end
return 1
