-- Remembers an answer that wrote nothing under its idempotency key, unless the key holds one (the first one wins).
-- ARGV: prefix, tenant, key, record, window ms
local g = redis.call('GET', ARGV[1] .. ':epoch')
if not g then
  return 0
end
local generation = redis.call('GET', ARGV[1] .. ':gen:' .. ARGV[2]) or '0'
redis.call('SET', ARGV[1] .. ':e:' .. g .. ':idem:' .. ARGV[2] .. ':' .. generation .. ':' .. ARGV[3], ARGV[4],
  'NX', 'PX', math.max(1, tonumber(ARGV[5])))
return 1
