-- Every tenant's tables copied under a snapshot name, replacing an older snapshot of that name.
-- ARGV: prefix, name
local p, name = ARGV[1], ARGV[2]
local g = redis.call('GET', p .. ':epoch')
if not g then
  return 0
end
local n = p .. ':e:' .. g
local s = p .. ':snap:' .. name
for _, tenant in ipairs(redis.call('SMEMBERS', s .. ':tenants')) do
  redis.call('DEL', s .. ':t:' .. tenant .. ':meta', s .. ':t:' .. tenant .. ':rows')
end
redis.call('DEL', s .. ':tenants')
for _, tenant in ipairs(redis.call('SMEMBERS', n .. ':tenants')) do
  local t, d = n .. ':t:' .. tenant, s .. ':t:' .. tenant
  if redis.call('EXISTS', t .. ':meta') == 1 then
    redis.call('COPY', t .. ':meta', d .. ':meta')
    redis.call('PERSIST', d .. ':meta')
    if redis.call('EXISTS', t .. ':rows') == 1 then
      redis.call('COPY', t .. ':rows', d .. ':rows')
      redis.call('PERSIST', d .. ':rows')
    end
    redis.call('SADD', s .. ':tenants', tenant)
  end
end
redis.call('SADD', p .. ':snaps', name)
return 1
