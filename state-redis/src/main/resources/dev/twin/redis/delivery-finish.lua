-- A webhook delivery done (delivered, or given up): its entry and its due time gone together.
-- ARGV: prefix, delivery id
redis.call('ZREM', ARGV[1] .. ':wh:due', ARGV[2])
return redis.call('DEL', ARGV[1] .. ':wh:d:' .. ARGV[2])
