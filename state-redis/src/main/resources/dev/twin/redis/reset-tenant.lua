-- One tenant's tables, events and idempotency records gone: its next commit starts a new tenant epoch, and its
-- records are looked up under a new generation (the old ones expire with their window).
-- ARGV: prefix, tenant
local g = redis.call('GET', ARGV[1] .. ':epoch')
if not g then
  return 0
end
local n = ARGV[1] .. ':e:' .. g
local t = n .. ':t:' .. ARGV[2]
redis.call('DEL', t .. ':meta', t .. ':rows', t .. ':chg', t .. ':ev')
redis.call('SREM', n .. ':tenants', ARGV[2])
redis.call('INCR', t .. ':idemgen')
return 1
