-- Every tenant's tables replaced by a snapshot's, in a new epoch switched to at once; each tenant's events stay,
-- and its version goes on from the higher of the two, so that events keep their order.
-- ARGV: prefix, name, the new epoch, a new tenant epoch. Returns the old epoch, or 0 when there is no snapshot.
local p, name = ARGV[1], ARGV[2]
if redis.call('SISMEMBER', p .. ':snaps', name) == 0 then
  return 0
end
local g = redis.call('GET', p .. ':epoch')
if not g then
  g = ''
end
local old, new, s = p .. ':e:' .. g, p .. ':e:' .. ARGV[3], p .. ':snap:' .. name
local tenants = {}
for _, tenant in ipairs(redis.call('SMEMBERS', s .. ':tenants')) do
  tenants[tenant] = true
end
for _, tenant in ipairs(redis.call('SMEMBERS', old .. ':tenants')) do
  tenants[tenant] = true
end
for tenant in pairs(tenants) do
  local from, current, to = s .. ':t:' .. tenant, old .. ':t:' .. tenant, new .. ':t:' .. tenant
  local version = math.max(tonumber(redis.call('HGET', current .. ':meta', 'v') or '0'),
    tonumber(redis.call('HGET', from .. ':meta', 'v') or '0'))
  if redis.call('EXISTS', from .. ':meta') == 1 then
    redis.call('COPY', from .. ':meta', to .. ':meta')
    if redis.call('EXISTS', from .. ':rows') == 1 then
      redis.call('COPY', from .. ':rows', to .. ':rows')
    end
  end
  if redis.call('EXISTS', current .. ':ev') == 1 then
    redis.call('COPY', current .. ':ev', to .. ':ev')
    redis.call('PERSIST', to .. ':ev')
  end
  if redis.call('EXISTS', to .. ':meta') == 1 or redis.call('EXISTS', to .. ':ev') == 1 then
    redis.call('HSET', to .. ':meta', 'v', version + 1)
    if not redis.call('HGET', to .. ':meta', 'e') then
      redis.call('HSET', to .. ':meta', 'e', ARGV[4])
    end
    redis.call('SADD', new .. ':tenants', tenant)
  end
end
redis.call('SET', p .. ':epoch', ARGV[3])
return g
