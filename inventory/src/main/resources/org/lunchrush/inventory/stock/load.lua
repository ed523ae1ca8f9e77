-- Loads a day's counter from the ledger unless it is there already, and only while the live
-- stock is of the generation the caller knows (a Redis that lost its data has none, and must be
-- rebuilt before anything loads).
-- KEYS[1]: the stock hash; KEYS[2]: the live-stock generation key; KEYS[3]: the day's set of
-- orders whose release the counter counts
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
redis.call('EXPIRE', KEYS[1], ARGV[2])
-- The released orders are kept apart from the counter, so that reading the counter (the menu
-- does, many times a second) costs the items, not the day's cancellations.
redis.call('DEL', KEYS[3])
local first = 4 + 2 * items
for i = first, #ARGV, 1000 do
	redis.call('SADD', KEYS[3], unpack(ARGV, i, math.min(i + 999, #ARGV)))
end
if #ARGV >= first then
	redis.call('EXPIRE', KEYS[3], ARGV[2])
end
return 1
