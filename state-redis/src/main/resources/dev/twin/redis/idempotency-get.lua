-- An idempotency record of the current epoch and of the tenant's current reset generation, or nil.
-- ARGV: prefix, tenant, key
local g = redis.call('GET', ARGV[1] .. ':epoch')
if not g then
  return false
end
local generation = redis.call('GET', ARGV[1] .. ':gen:' .. ARGV[2]) or '0'
return redis.call('GET', ARGV[1] .. ':e:' .. g .. ':idem:' .. ARGV[2] .. ':' .. generation .. ':' .. ARGV[3])
