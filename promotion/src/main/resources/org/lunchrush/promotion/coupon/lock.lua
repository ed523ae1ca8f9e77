-- Locks a coupon for an order, or says why not. Locking again for the same order succeeds.
-- KEYS[1]: the coupon hash (owner, state, order, amount, minSpend, from, until)
-- ARGV[1]: student id; ARGV[2]: order id; ARGV[3]: order subtotal, cents; ARGV[4]: now, epoch ms;
-- ARGV[5]: '1' to check only (a checkout quote): the same answer, but the coupon stays as it is
-- Returns {1, amount off} when locked, {0, reason} when refused (with the minimum spend when
-- that is the reason), {-1} when not loaded.
if redis.call('EXISTS', KEYS[1]) == 0 then
	return { -1 }
end
local c = redis.call('HMGET', KEYS[1], 'owner', 'state', 'order', 'amount', 'minSpend', 'from', 'until')
if c[1] ~= ARGV[1] then
	return { 0, 'NOT_YOURS' }
end
if c[2] == 'LOCKED' and c[3] == ARGV[2] then
	return { 1, tonumber(c[4]) }
end
if c[2] ~= 'AVAILABLE' then
	return { 0, 'ALREADY_USED' }
end
local now = tonumber(ARGV[4])
if now < tonumber(c[6]) then
	return { 0, 'NOT_YET_VALID' }
end
if now >= tonumber(c[7]) then
	return { 0, 'EXPIRED' }
end
if tonumber(ARGV[3]) < tonumber(c[5]) then
	return { 0, 'MIN_SPEND_NOT_MET', tonumber(c[5]) }
end
if ARGV[5] == '1' then
	return { 1, tonumber(c[4]) }
end
redis.call('HSET', KEYS[1], 'state', 'LOCKED', 'order', ARGV[2])
return { 1, tonumber(c[4]) }
