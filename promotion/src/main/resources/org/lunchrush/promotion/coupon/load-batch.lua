-- Loads a batch's counters from the database's numbers unless they are loaded already.
-- KEYS[1]: the batch hash; KEYS[2]: coupons claimed per student
-- ARGV[1]: time to live, milliseconds; ARGV[2]: total; ARGV[3]: claimed; ARGV[4]: per-student
-- limit; ARGV[5]: end of validity, epoch milliseconds; ARGV[6..]: student id, claimed, ...
if redis.call('EXISTS', KEYS[1]) == 1 then
	return 0
end
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[1], 'total', ARGV[2], 'claimed', ARGV[3], 'limit', ARGV[4], 'until', ARGV[5])
for i = 6, #ARGV, 2 do
	redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
return 1
