-- The next position of a replay sequence: 0, 1, ... up to last, then last again.
-- ARGV: key, last. Returns the position to answer from.
local position = redis.call('INCR', ARGV[1]) - 1
local last = tonumber(ARGV[2])
if position > last then
  redis.call('SET', ARGV[1], last + 1)
  position = last
end
return position
