-- Takes a token from a bucket that starts full and refills continuously (as ratelimit.TokenBucket). The bucket is
-- the one of the current reset count and of the tenant's generation: a reset (of all, or of the tenant) moved on to
-- a full one.
-- ARGV: prefix, tenant, limit, capacity, tokens per ms, now ms. Returns allowed (0/1), whole tokens left, ms until a
--       token, ms until full.
local p, tenant = ARGV[1], ARGV[2]
local k = p .. ':rl:' .. (redis.call('GET', p .. ':resets') or '0') .. ':' .. tenant .. ':'
  .. (redis.call('GET', p .. ':gen:' .. tenant) or '0') .. ':' .. ARGV[3]
local capacity, rate, now = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local bucket = redis.call('HMGET', k, 't', 'u')
local tokens = tonumber(bucket[1]) or capacity
local updated = tonumber(bucket[2]) or now
if now > updated then
  tokens = math.min(capacity, tokens + (now - updated) * rate)
  updated = now
end
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', k, 't', string.format('%.17g', tokens), 'u', string.format('%d', updated))
local untilToken = 0
if tokens < 1 then
  untilToken = math.ceil((1 - tokens) / rate)
end
local untilFull = math.ceil((capacity - tokens) / rate)
redis.call('PEXPIRE', k, untilFull + 1000)
return {allowed, math.floor(tokens), untilToken, untilFull}
