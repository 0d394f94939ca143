-- Layout 1 to 2: 2 keeps idempotency records under the epoch and the tenant's reset generation, rate-limit buckets
-- and replay cursors under the reset count (and the generation), where 1 kept them at PREFIX:idem:..., :rl:... and
-- :replay:... (the twin deletes those afterwards); nothing else moved.
-- ARGV: prefix. Returns the layout version now.
if redis.call('GET', ARGV[1] .. ':layout') == '1' then
  redis.call('SET', ARGV[1] .. ':layout', '2')
end
return redis.call('GET', ARGV[1] .. ':layout')
