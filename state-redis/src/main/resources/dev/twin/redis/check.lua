-- Whether a replica's copy of a tenant is current (a read's check): its version only, no rows; the tenant's expiry
-- moves on as with a sync. Returns {'same'} or {'changed'}.
-- ARGV: prefix, tenant, known epoch, known version, ttl in ms (0: none)
local g = redis.call('GET', ARGV[1] .. ':epoch')
if not g then
  return {'lost'}
end
local t = ARGV[1] .. ':e:' .. g .. ':t:' .. ARGV[2]
local current = redis.call('HMGET', t .. ':meta', 'v', 'e')
if current[1] then
  touch(t, tonumber(ARGV[5]))
end
if g .. '/' .. (current[2] or '') == ARGV[3] and tonumber(current[1] or '0') == tonumber(ARGV[4]) then
  return {'same'}
end
return {'changed'}
