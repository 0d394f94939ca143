-- Prepended to sync.lua and commit.lua (RedisScript): what a replica holding a tenant at (known epoch, known
-- version) missed, and the tenant's expiry moved on.

-- sets the tenant's keys to expire after ttl ms (0: never), when it holds any
local function touch(t, ttl)
  if ttl > 0 then
    for _, suffix in ipairs({':meta', ':rows', ':chg', ':ev'}) do
      redis.call('PEXPIRE', t .. suffix, ttl)
    end
  end
end

-- {kind, epoch, version, meta, rows, events}: kind 'same' (nothing missed; only the first three), 'some' (the rows
-- changed and events stored after the known version) or 'whole' (another epoch: everything the tenant holds)
local function changes(t, g, meta, knownEpoch, known)
  local v, e = 0, ''
  for i = 1, #meta, 2 do
    if meta[i] == 'v' then v = tonumber(meta[i + 1]) elseif meta[i] == 'e' then e = meta[i + 1] end
  end
  local epoch = g .. '/' .. e
  if epoch ~= knownEpoch then
    return {'whole', epoch, v, meta, redis.call('HGETALL', t .. ':rows'), redis.call('ZRANGE', t .. ':ev', 0, -1)}
  end
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
end
