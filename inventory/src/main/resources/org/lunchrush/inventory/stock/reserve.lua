-- Reserves every line of one order or none, and records the reservation as the order's intent
-- until the order is persisted (or given up): a reservation whose process died before its order
-- reached the order stream can then be found and given back.
-- KEYS[1]: the stock hash of one merchant and day (field = item id, value = portions left)
-- ARGV[1]: the intent's field (i:<orderId>), ARGV[2]: its value (holder|millis|note|lines)
-- ARGV[3…]: item id, quantity, item id, quantity, ...
-- Returns {1} when reserved, {0, item ids...} when short, {-1} when the day is not loaded.
if redis.call('EXISTS', KEYS[1]) == 0 then
	return { -1 }
end
local short = { 0 }
for i = 3, #ARGV, 2 do
	local left = tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '-1')
	if left < tonumber(ARGV[i + 1]) then
		short[#short + 1] = ARGV[i]
	end
end
if #short > 1 then
	return short
end
for i = 3, #ARGV, 2 do
	redis.call('HINCRBY', KEYS[1], ARGV[i], -tonumber(ARGV[i + 1]))
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return { 1 }
