-- Undoes one claim whose database write failed. When the batch is not loaded there is
-- nothing to correct: the next load counts from the database.
-- KEYS[1]: the batch hash; KEYS[2]: coupons claimed per student; ARGV[1]: student id
if redis.call('EXISTS', KEYS[1]) == 0 then
	return 0
end
if tonumber(redis.call('HGET', KEYS[1], 'claimed')) > 0 then
	redis.call('HINCRBY', KEYS[1], 'claimed', -1)
end
if tonumber(redis.call('HINCRBY', KEYS[2], ARGV[1], -1)) <= 0 then
	redis.call('HDEL', KEYS[2], ARGV[1])
end
return 1
