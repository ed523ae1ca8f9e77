-- Loads a day's counter unless another process already has.
-- KEYS[1]: the stock hash; ARGV[1]: time to live in seconds; ARGV[2..]: item id, portions, ...
if redis.call('EXISTS', KEYS[1]) == 1 then
	return 0
end
redis.call('HSET', KEYS[1], '_loaded', '1')
for i = 2, #ARGV, 2 do
	redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
redis.call('EXPIRE', KEYS[1], ARGV[1])
return 1
