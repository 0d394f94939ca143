-- Takes a token from a bucket that starts full and refills continuously (as ratelimit.TokenBucket).
-- ARGV: key, capacity, tokens per ms, now ms. Returns allowed (0/1), whole tokens left, ms until a token, ms until full.
local k = ARGV[1]
local capacity, rate, now = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
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
