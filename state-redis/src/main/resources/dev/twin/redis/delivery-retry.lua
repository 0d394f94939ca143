-- A failed webhook attempt: the next attempt's number and its due time set together (a delivery that finished
-- meanwhile stays finished).
-- ARGV: prefix, delivery id, due ms, next attempt
local d = ARGV[1] .. ':wh:d:' .. ARGV[2]
if redis.call('EXISTS', d) == 0 then
  return 0
end
redis.call('HSET', d, 'attempt', ARGV[4])
redis.call('ZADD', ARGV[1] .. ':wh:due', ARGV[3], ARGV[2])
return 1
