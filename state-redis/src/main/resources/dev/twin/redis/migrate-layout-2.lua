-- Layout 2 to 3: 3 may keep an event as its row (the row's fields, not the event's JSON) and queues deliveries to
-- tenants' endpoints, named by tenant and endpoint id: twins of layout 2 could read neither. The events layout 2
-- stored, as JSON, stay as they are and are read alike. Nothing moves.
-- ARGV: prefix. Returns the layout version now.
if redis.call('GET', ARGV[1] .. ':layout') == '2' then
  redis.call('SET', ARGV[1] .. ':layout', '3')
end
return redis.call('GET', ARGV[1] .. ':layout')
