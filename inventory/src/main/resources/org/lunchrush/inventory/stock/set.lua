-- Sets one item's portions left and returns what it was, or -1 when the day is not loaded.
-- KEYS[1]: the stock hash; ARGV[1]: item id; ARGV[2]: portions left
if redis.call('EXISTS', KEYS[1]) == 0 then
	return -1
end
local old = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return old
