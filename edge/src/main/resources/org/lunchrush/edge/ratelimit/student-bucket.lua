-- Takes a token from one student's bucket, in one round trip, on Redis's own clock.
-- KEYS[1]: the bucket. ARGV[1]: capacity (tokens, also the burst). ARGV[2]: period (ms)
-- in which the capacity refills.
--
-- The bucket is kept as the generic cell rate algorithm keeps it: not a token count but
-- the time at which it will be full again ('tat', microseconds of Redis's clock). Each
-- token moves that time on by period / capacity; a request that would move it more than a
-- period ahead of now finds the bucket empty. 'period' is the period the time was counted
-- in: after a change of the limit the debt is scaled to the new period, so the bucket is
-- as full, in proportion, as it was. The key expires when the bucket is full again.
--
-- Returns {taken (1 or 0), tokens left, microseconds until a token is back (0 if taken)}.
local capacity = tonumber(ARGV[1])
local period = tonumber(ARGV[2]) * 1000
local interval = period / capacity
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])

local debt = 0
local state = redis.call('HMGET', KEYS[1], 'tat', 'period')
local tat = tonumber(state[1])
if tat and tat > now then
  debt = tat - now
  local counted = tonumber(state[2])
  if counted and counted > 0 and counted ~= period then
    debt = debt * period / counted
  end
end

local after = debt + interval
-- A microsecond of slack: the stored time is whole microseconds, so a bucket taken to
-- its last token in one instant must not be refused it by rounding.
if after > period + 1 then
  return {0, 0, math.ceil(after - period)}
end
redis.call('HSET', KEYS[1], 'tat', string.format('%.0f', now + after), 'period', string.format('%.0f', period))
redis.call('PEXPIRE', KEYS[1], math.ceil(after / 1000) + 1)
return {1, math.floor((period + 1 - after) / interval), 0}
