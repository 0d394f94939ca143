-- What a replica learns of a tenant: nothing new, what changed after the version it holds, or the whole tenant.
-- ARGV: prefix, tenant, known epoch, known version, ttl in ms (0: none)
local p, tenant = ARGV[1], ARGV[2]
local g = redis.call('GET', p .. ':epoch')
if not g then
  return {'lost'}
end
local t = p .. ':e:' .. g .. ':t:' .. tenant
local meta = redis.call('HGETALL', t .. ':meta')
local v, e = 0, ''
for i = 1, #meta, 2 do
  if meta[i] == 'v' then v = tonumber(meta[i + 1]) elseif meta[i] == 'e' then e = meta[i + 1] end
end
local epoch = g .. '/' .. e
local ttl = tonumber(ARGV[5])
if ttl > 0 and #meta > 0 then
  for _, suffix in ipairs({':meta', ':rows', ':chg', ':ev'}) do
    redis.call('PEXPIRE', t .. suffix, ttl)
  end
end
if epoch ~= ARGV[3] then
  return {'whole', epoch, v, meta, redis.call('HGETALL', t .. ':rows'), redis.call('ZRANGE', t .. ':ev', 0, -1)}
end
local known = tonumber(ARGV[4])
if v == known then
  return {'same', epoch, v}
end
local keys = redis.call('ZRANGEBYSCORE', t .. ':chg', '(' .. known, '+inf')
local rows = {}
for first = 1, #keys, 500 do
  local chunk = {}
  for i = first, math.min(first + 499, #keys) do
    chunk[#chunk + 1] = keys[i]
  end
  local values = redis.call('HMGET', t .. ':rows', unpack(chunk))
  for i = 1, #chunk do
    rows[#rows + 1] = chunk[i]
    rows[#rows + 1] = values[i]
  end
end
return {'some', epoch, v, meta, rows, redis.call('ZRANGEBYSCORE', t .. ':ev', (known + 1) * 1024, '+inf')}
