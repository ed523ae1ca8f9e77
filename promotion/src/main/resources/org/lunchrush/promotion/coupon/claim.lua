-- Claims one coupon of a batch for a student, if the batch is open, not exhausted and the
-- student is under the limit. Both keys share the batch's hash tag.
-- KEYS[1]: the batch hash (total, claimed, limit, until); KEYS[2]: coupons claimed per student
-- ARGV[1]: student id; ARGV[2]: now, epoch milliseconds
-- Returns 1 claimed, 0 exhausted, 2 limit reached, 3 validity ended, -1 batch not loaded.
if redis.call('EXISTS', KEYS[1]) == 0 then
	return -1
end
local batch = redis.call('HMGET', KEYS[1], 'total', 'claimed', 'limit', 'until')
if tonumber(ARGV[2]) >= tonumber(batch[4]) then
	return 3
end
local mine = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
if mine >= tonumber(batch[3]) then
	return 2
end
if tonumber(batch[2]) >= tonumber(batch[1]) then
	return 0
end
redis.call('HINCRBY', KEYS[1], 'claimed', 1)
redis.call('HINCRBY', KEYS[2], ARGV[1], 1)
-- The first claim creates the per-student hash: it expires with the batch.
if redis.call('PTTL', KEYS[2]) == -1 then
	local ttl = redis.call('PTTL', KEYS[1])
	if ttl > 0 then
		redis.call('PEXPIRE', KEYS[2], ttl)
	end
end
return 1
