-- One tenant's tables, events, idempotency records and rate-limit buckets gone in one step: its next commit starts
-- a new tenant epoch, and its generation moves on, under which its records and buckets are kept (the old ones
-- expire by themselves).
-- ARGV: prefix, tenant
redis.call('INCR', ARGV[1] .. ':gen:' .. ARGV[2])
local g = redis.call('GET', ARGV[1] .. ':epoch')
if not g then
  return 0
end
local n = ARGV[1] .. ':e:' .. g
local t = n .. ':t:' .. ARGV[2]
redis.call('DEL', t .. ':meta', t .. ':rows', t .. ':chg', t .. ':ev')
redis.call('SREM', n .. ':tenants', ARGV[2])
return 1
