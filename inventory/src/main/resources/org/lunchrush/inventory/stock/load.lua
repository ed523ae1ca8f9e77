-- Loads a day's counter from the ledger unless it is there already, and only while the live
-- stock is of the generation the caller knows (a Redis that lost its data has none, and must be
-- rebuilt before anything loads).
-- KEYS[1]: the stock hash; KEYS[2]: the live-stock generation key
-- ARGV[1]: expected generation; ARGV[2]: time to live in seconds; ARGV[3]: number of items N;
-- then N pairs of item id, portions; then the ids of the orders whose release the portions
-- already count (so that their give-back, if it comes later, is not counted twice).
-- Returns 1 when loaded, 0 when it was there already, -1 when the generation differs.
if redis.call('GET', KEYS[2]) ~= ARGV[1] then
	return -1
end
if redis.call('EXISTS', KEYS[1]) == 1 then
	return 0
end
redis.call('HSET', KEYS[1], '_loaded', '1')
local items = tonumber(ARGV[3])
for i = 4, 3 + 2 * items, 2 do
	redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
for i = 4 + 2 * items, #ARGV do
	redis.call('HSET', KEYS[1], 'rel:' .. ARGV[i], '1')
end
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1
