-- The next position of a replay sequence: 0, 1, ... up to last, then last again; each full reset starts them over
-- (its count is part of the key).
-- ARGV: prefix, sequence, last. Returns the position to answer from.
local k = ARGV[1] .. ':replay:' .. (redis.call('GET', ARGV[1] .. ':resets') or '0') .. ':' .. ARGV[2]
local position = redis.call('INCR', k) - 1
local last = tonumber(ARGV[3])
if position > last then
  redis.call('SET', k, last + 1)
  position = last
end
return position
