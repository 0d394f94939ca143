-- Claims up to max webhook deliveries due now, each for a lease (its due time moved to now + lease).
-- ARGV: prefix, now ms, lease ms, max. Returns (id, event id, type, url, payload, attempt) per delivery.
local due = ARGV[1] .. ':wh:due'
local now = tonumber(ARGV[2])
local claimed = {}
for _, id in ipairs(redis.call('ZRANGEBYSCORE', due, '-inf', now, 'LIMIT', 0, tonumber(ARGV[4]))) do
  local d = redis.call('HMGET', ARGV[1] .. ':wh:d:' .. id, 'event', 'type', 'url', 'payload', 'attempt')
  if d[1] then
    redis.call('ZADD', due, now + tonumber(ARGV[3]), id)
    claimed[#claimed + 1] = id
    for i = 1, 5 do
      claimed[#claimed + 1] = d[i]
    end
  else
    redis.call('ZREM', due, id)
  end
end
return claimed
