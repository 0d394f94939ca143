-- One table back to its seed rows, for one tenant or (tenant '') all: its rows and sequence gone, and the tenant
-- given a new epoch so that every replica reads it anew.
-- ARGV: prefix, table, tenant or '', a new tenant epoch
local g = redis.call('GET', ARGV[1] .. ':epoch')
if not g then
  return 0
end
local n = ARGV[1] .. ':e:' .. g
local tenants = {ARGV[3]}
if ARGV[3] == '' then
  tenants = redis.call('SMEMBERS', n .. ':tenants')
end
local prefix = ARGV[2] .. '\0'
for _, tenant in ipairs(tenants) do
  local t = n .. ':t:' .. tenant
  if redis.call('EXISTS', t .. ':meta') == 1 then
    for _, key in ipairs(redis.call('HKEYS', t .. ':rows')) do
      if string.sub(key, 1, #prefix) == prefix then
        redis.call('HDEL', t .. ':rows', key)
        redis.call('ZREM', t .. ':chg', key)
      end
    end
    redis.call('HDEL', t .. ':meta', 's:' .. ARGV[2])
    redis.call('HSET', t .. ':meta', 'e', ARGV[4])
  end
end
return 1
