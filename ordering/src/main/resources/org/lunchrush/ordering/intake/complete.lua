-- Records the answer to replay for an Idempotency-Key and the accepted order for lookups
-- before it is persisted, in one round trip on the shared connection.
-- KEYS[1]: the idempotency record; KEYS[2]: the placed-order record
-- ARGV[1]: record value; ARGV[2]: its time to live (ms); ARGV[3]: placed value; ARGV[4]: its ttl (ms)
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[4])
return 1
