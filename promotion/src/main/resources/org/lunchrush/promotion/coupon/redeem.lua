-- Marks a loaded coupon spent once its redemption has committed.
-- KEYS[1]: the coupon hash; ARGV[1]: order id
if redis.call('EXISTS', KEYS[1]) == 0 then
	return 0
end
redis.call('HSET', KEYS[1], 'state', 'REDEEMED', 'order', ARGV[1])
return 1
