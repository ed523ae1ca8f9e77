-- Reserves every line of one order or none.
-- KEYS[1]: the stock hash of one merchant and day (field = item id, value = portions left)
-- ARGV: item id, quantity, item id, quantity, ...
-- Returns {1} when reserved, {0, item ids...} when short, {-1} when the day is not loaded.
if redis.call('EXISTS', KEYS[1]) == 0 then
	return { -1 }
end
local short = { 0 }
for i = 1, #ARGV, 2 do
	local left = tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '-1')
	if left < tonumber(ARGV[i + 1]) then
		short[#short + 1] = ARGV[i]
	end
end
if #short > 1 then
	return short
end
for i = 1, #ARGV, 2 do
	redis.call('HINCRBY', KEYS[1], ARGV[i], -tonumber(ARGV[i + 1]))
end
return { 1 }
