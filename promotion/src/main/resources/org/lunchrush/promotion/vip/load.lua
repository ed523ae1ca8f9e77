-- Loads the VIP set from the database's members. The marker member tells a loaded empty set
-- from a lost one.
-- KEYS[1]: the VIP set; ARGV[1]: 'replace' (heal whatever is there) or 'absent' (only if lost)
-- ARGV[2]: the marker; ARGV[3..]: student ids
if ARGV[1] == 'absent' and redis.call('EXISTS', KEYS[1]) == 1 then
	return 0
end
redis.call('DEL', KEYS[1])
redis.call('SADD', KEYS[1], ARGV[2])
for i = 3, #ARGV do
	redis.call('SADD', KEYS[1], ARGV[i])
end
return 1
