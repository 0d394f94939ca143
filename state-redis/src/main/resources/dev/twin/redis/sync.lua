-- What a replica learns of a tenant: nothing new, what changed after the version it holds, or the whole tenant.
-- ARGV: prefix, tenant, known epoch, known version, ttl in ms (0: none)
local p, tenant = ARGV[1], ARGV[2]
local g = redis.call('GET', p .. ':epoch')
if not g then
  return {'lost'}
end
local t = p .. ':e:' .. g .. ':t:' .. tenant
local meta = redis.call('HGETALL', t .. ':meta')
if #meta > 0 then
  touch(t, tonumber(ARGV[5]))
end
return changes(t, g, meta, ARGV[3], tonumber(ARGV[4]))
