-- One tenant's tables, events, idempotency records and rate-limit buckets gone in one step: its next commit starts
-- a new tenant epoch, and its generation moves on, under which its records and buckets are kept (the old ones
-- expire by themselves).
-- Returns the twin's epoch, in which the tenant is now empty ('' when Redis lost twin's keys). UNLINK: Redis frees
-- the tenant's rows and events in the background, so a reset costs every other client no more than a DEL of a key.
-- ARGV: prefix, tenant
redis.call('INCR', ARGV[1] .. ':gen:' .. ARGV[2])
local g = redis.call('GET', ARGV[1] .. ':epoch')
if not g then
  return ''
end
local n = ARGV[1] .. ':e:' .. g
local t = n .. ':t:' .. ARGV[2]
redis.call('UNLINK', t .. ':meta', t .. ':rows', t .. ':chg', t .. ':ev')
redis.call('SREM', n .. ':tenants', ARGV[2])
return g
