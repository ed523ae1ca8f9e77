-- Loads one coupon from the database's row unless it is loaded already.
-- KEYS[1]: the coupon hash; ARGV[1]: time to live, milliseconds; ARGV[2..]: field, value, ...
if redis.call('EXISTS', KEYS[1]) == 1 then
	return 0
end
for i = 2, #ARGV, 2 do
	redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1
