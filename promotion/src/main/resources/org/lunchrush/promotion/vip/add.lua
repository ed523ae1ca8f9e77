-- Adds a VIP to a loaded set. A lost set gets the member when it is loaded from the database.
-- KEYS[1]: the VIP set; ARGV[1]: student id
if redis.call('EXISTS', KEYS[1]) == 0 then
	return 0
end
return redis.call('SADD', KEYS[1], ARGV[1])
