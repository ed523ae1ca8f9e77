-- Records the answer to replay for an Idempotency-Key and the accepted order for lookups
-- before it is persisted, and lists the order in its slot's index of accepted orders by
-- time (what the invariant check reads), in one round trip on the shared connection.
-- KEYS[1]: the idempotency record; KEYS[2]: the placed-order record; KEYS[3]: the index
-- ARGV[1]: record value; ARGV[2]: its time to live (ms); ARGV[3]: placed value; ARGV[4]: its ttl (ms)
-- ARGV[5]: when the order was placed (epoch ms); ARGV[6]: the order id
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[4])
-- The index forgets what is older than the records it lists, and goes when no order of
-- its slot was placed for as long.
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', '(' .. (tonumber(ARGV[5]) - tonumber(ARGV[4])))
redis.call('ZADD', KEYS[3], ARGV[5], ARGV[6])
redis.call('PEXPIRE', KEYS[3], ARGV[4])
return 1
