-- Prepended to commit.lua and commits.lua (RedisScript): one commit, as commit.lua describes it; ARGV is its
-- arguments (the parameter shadows the script's own, so that one call can carry several commits).

-- One transaction's writes to a tenant, all or nothing, if the tenant is still at the version the writer read, with
-- the idempotency record of its answer (none applied when that key holds an answer already: a racing request's).
-- When another replica committed first nothing is applied and the reply is {'conflict', what the writer missed as
-- sync.lua returns it}, so that it catches up and runs again without a sync of its own.
-- A commit sent while the replica's previous commit of the tenant is still on its way (pipelined: its copy holds
-- that commit's writes already) names that commit's token: it applies only if that commit landed and nothing came
-- after it, else {'stale'} and nothing is applied. Every commit leaves its token in the meta hash ('c').
-- ARGV: prefix, tenant, known epoch, known version, ttl ms, events kept, when deliveries are due (ms), this
--       commit's token (also the tenant epoch, when it has none yet), '=' and the idempotency key ('' for none),
--       its record, its window ms, the token of the commit it follows ('' for none),
--       meta count, (name, value)..., row count, (key, value or '' for gone)..., event count, event...,
--       delivery count, (id, event id, type, url, payload)...
local function commit(ARGV)
  local p, tenant = ARGV[1], ARGV[2]
  local g = redis.call('GET', p .. ':epoch')
  if not g then
    return {'lost'}
  end
  local n = p .. ':e:' .. g
  local t = n .. ':t:' .. tenant
  if ARGV[12] ~= '' and redis.call('HGET', t .. ':meta', 'c') ~= ARGV[12] then
    return {'stale'}
  end
  local idem = ''
  if ARGV[9] ~= '' then
    idem = n .. ':idem:' .. tenant .. ':' .. (redis.call('GET', p .. ':gen:' .. tenant) or '0') .. ':'
      .. string.sub(ARGV[9], 2)
    if redis.call('EXISTS', idem) == 1 then
      return {'answered'}
    end
  end
  local current = redis.call('HMGET', t .. ':meta', 'v', 'e')
  local v = tonumber(current[1] or '0')
  local e = current[2] or ''
  if g .. '/' .. e ~= ARGV[3] or v ~= tonumber(ARGV[4]) then
    local missed = changes(t, g, redis.call('HGETALL', t .. ':meta'), ARGV[3], tonumber(ARGV[4]))
    table.insert(missed, 1, 'conflict')
    return missed
  end
  v = v + 1
  if e == '' then
    e = ARGV[8]
  end
  if idem ~= '' then
    redis.call('SET', idem, ARGV[10], 'PX', math.max(1, tonumber(ARGV[11])))
  end
  local i = 13
  local meta = {'v', v, 'e', e, 'c', ARGV[8]}
  for _ = 1, tonumber(ARGV[i]) do
    meta[#meta + 1] = ARGV[i + 1]
    meta[#meta + 1] = ARGV[i + 2]
    i = i + 2
  end
  i = i + 1
  redis.call('HSET', t .. ':meta', unpack(meta))
  for _ = 1, tonumber(ARGV[i]) do
    local key, value = ARGV[i + 1], ARGV[i + 2]
    if value == '' then
      redis.call('HDEL', t .. ':rows', key)
    else
      redis.call('HSET', t .. ':rows', key, value)
    end
    redis.call('ZADD', t .. ':chg', v, key)
    i = i + 2
  end
  i = i + 1
  local events = tonumber(ARGV[i])
  for j = 1, events do
    redis.call('ZADD', t .. ':ev', v * 1024 + j, ARGV[i + j])
  end
  i = i + events + 1
  if events > 0 then
    redis.call('ZREMRANGEBYRANK', t .. ':ev', 0, -(tonumber(ARGV[6]) + 1))
  end
  for _ = 1, tonumber(ARGV[i]) do
    local id = ARGV[i + 1]
    redis.call('HSET', p .. ':wh:d:' .. id, 'event', ARGV[i + 2], 'type', ARGV[i + 3], 'url', ARGV[i + 4],
      'payload', ARGV[i + 5], 'attempt', 1)
    redis.call('ZADD', p .. ':wh:due', ARGV[7], id)
    i = i + 5
  end
  redis.call('SADD', n .. ':tenants', tenant)
  touch(t, tonumber(ARGV[5]))
  return {'ok', g .. '/' .. e, v}
end
