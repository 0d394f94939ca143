-- A full reset in one step: every replica moves to a new epoch (tables, events, idempotency records), and the reset
-- count moves on, which refills every rate-limit bucket and starts every replay cursor over.
-- ARGV: prefix, the new epoch. Returns the old epoch ('' when there was none).
local old = redis.call('GET', ARGV[1] .. ':epoch') or ''
redis.call('SET', ARGV[1] .. ':epoch', ARGV[2])
redis.call('INCR', ARGV[1] .. ':resets')
return old
