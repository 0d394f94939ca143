-- The tenants holding writes (a tenant whose keys expired is forgotten here).
-- ARGV: prefix
local g = redis.call('GET', ARGV[1] .. ':epoch')
if not g then
  return {}
end
local n = ARGV[1] .. ':e:' .. g
local live = {}
for _, tenant in ipairs(redis.call('SMEMBERS', n .. ':tenants')) do
  if redis.call('EXISTS', n .. ':t:' .. tenant .. ':meta') == 1 then
    live[#live + 1] = tenant
  else
    redis.call('SREM', n .. ':tenants', tenant)
  end
end
return live
