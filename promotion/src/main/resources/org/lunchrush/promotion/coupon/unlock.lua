-- Makes a coupon available again, only if the given order holds it, locked or redeemed (an
-- undone lock, or a release that has committed). A coupon not loaded is loaded from the
-- database when needed.
-- KEYS[1]: the coupon hash; ARGV[1]: order id
-- Returns 1 when unlocked, 0 otherwise.
local c = redis.call('HMGET', KEYS[1], 'state', 'order')
if (c[1] ~= 'LOCKED' and c[1] ~= 'REDEEMED') or c[2] ~= ARGV[1] then
	return 0
end
redis.call('HSET', KEYS[1], 'state', 'AVAILABLE')
redis.call('HDEL', KEYS[1], 'order')
return 1
