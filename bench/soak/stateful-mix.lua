-- The soak's load (bench/soak.sh). Each wrk thread owns TENANTS tenants (API keys) and per tenant two pools of
-- customer ids learned from create answers: "kept" rows (at most 50 per tenant) that are read, listed and updated,
-- and "doomed" rows that are only ever deleted, so no read can race a delete and the number of rows stays level: a
-- long soak measures the server, not a growing table.
--   SOAK_MIX: each operation's share of the requests, by default the stateful mix
--     "create=20,get=40,list=10,update=10,delete=20"; "stateless=100" is the spec-only comparison, a GET of
--     /v1/tax_codes/{id} (answered from the spec, the id echoed). A tenant with no kept row yet creates one; a
--     delete with no doomed row left creates one instead.
--   SOAK_CONNECTIONS: wrk's -c, to apply wrk's own latency correction to the figures below (see done()).
-- Besides wrk's latency of all requests, the script times each request itself, from the moment wrk asks for it to
-- its answer (the two moments wrk times), and at the end prints the latency of each operation and of creates and
-- gets together. It matches answers to requests by what the answer shows: a create's unique name, the id a get,
-- update, delete or stateless GET names (in order, for an id in flight twice), the tenant of a list's rows (in
-- order).
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } soak_timespec;
  int clock_gettime(int clock, soak_timespec *now);
]]
local clock = ffi.new("soak_timespec")
local function now_us()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000000 + tonumber(clock.tv_nsec) / 1000
end

local OPERATIONS = { "stateless", "create", "get", "list", "update", "delete" }
local threads = {}
setup = function(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

local tenants = tonumber(os.getenv("SOAK_TENANTS_PER_THREAD") or "50")
local mix = os.getenv("SOAK_MIX") or "create=20,get=40,list=10,update=10,delete=20"
local shares, total = {}, 0
for _, operation in ipairs(OPERATIONS) do
  total = total + tonumber(mix:match(operation .. "=(%d+)") or "0")
  shares[operation] = total
end

local kept, doomed, seen = {}, {}, {}
local sent = 0
-- requests in flight: by create name, by id (in order) and by tenant (lists, in order)
local creating, byId, listing = {}, {}, {}
-- latencies, "operation:bucket" -> count, bucket = floor(100 * ln(microseconds)) (about 1% wide)
local histograms = {}
-- done() reads each thread's histograms as text through thread:get("histogramText"): wrk's copy of a table from a
-- thread (script_copy_value) pops one value too many and crashes wrk once tables grow, a string it copies safely.
-- Reading a global the thread does not have calls this, after the thread has stopped.
setmetatable(_G, { __index = function(_, name)
  if name == "histogramText" then
    local text = {}
    for key, n in pairs(histograms) do table.insert(text, key .. "=" .. n) end
    return table.concat(text, ",")
  end
end })
init = function(args)
  math.randomseed(tid * 7919)
  for k = 1, tenants do kept[k] = {}; doomed[k] = {}; listing[k] = {} end
end

local function record(operation, started)
  if started ~= nil then
    local key = operation .. ":" .. math.floor(100 * math.log(math.max(now_us() - started, 1)))
    histograms[key] = (histograms[key] or 0) + 1
  end
end

local function unique()
  sent = sent + 1
  return "soak" .. tid .. "x" .. sent
end

local function auth(k)
  return "Bearer sk_test_soak_" .. tid .. "_" .. k
end

local function timedId(operation, id)
  local queue = byId[id]
  if queue == nil then
    queue = {}
    byId[id] = queue
  end
  table.insert(queue, { operation, now_us() })
  return id
end

local form = "application/x-www-form-urlencoded"
local function create(k, doom)
  local name = unique()
  creating[name] = now_us()
  return wrk.format("POST", "/v1/customers", {["Content-Type"] = form, ["Authorization"] = auth(k)},
    "name=" .. name .. "&email=soak%40example.com&metadata[t]=" .. k .. "&metadata[d]=" .. (doom and "1" or "0"))
end

request = function()
  local k = math.random(tenants)
  local r = math.random(total)
  local mine = kept[k]
  if r <= shares.stateless then
    return wrk.format("GET", "/v1/tax_codes/" .. timedId("stateless", "txcd_" .. unique()),
      {["Authorization"] = auth(k)})
  elseif r <= shares.create or #mine == 0 then
    return create(k, #mine >= 50 or r % 2 == 0)
  elseif r <= shares.get then
    return wrk.format("GET", "/v1/customers/" .. timedId("get", mine[math.random(#mine)]),
      {["Authorization"] = auth(k)})
  elseif r <= shares.list then
    table.insert(listing[k], now_us())
    return wrk.format("GET", "/v1/customers?limit=10", {["Authorization"] = auth(k)})
  elseif r <= shares.update then
    return wrk.format("POST", "/v1/customers/" .. timedId("update", mine[math.random(#mine)]),
      {["Content-Type"] = form, ["Authorization"] = auth(k)}, "name=Updated")
  end
  local id = table.remove(doomed[k], 1)
  if id == nil then
    return create(k, true)
  end
  return wrk.format("DELETE", "/v1/customers/" .. timedId("delete", id), {["Authorization"] = auth(k)})
end

response = function(status, headers, body)
  if body:sub(1, 30):find('"object":"list"', 1, true) then
    local t = body:match('"t":"(%d+)"') -- every row of a tenant has its metadata[t]
    if t then
      record("list", table.remove(listing[tonumber(t)], 1))
    end
    return
  end
  local name = body:match('"name":"(soak%d+x%d+)"')
  if name and creating[name] then -- a get of a kept row shows its name too, but only after its create answered
    record("create", creating[name])
    creating[name] = nil
    local id, t, d = body:match('"id":"(cus_%w+)"'), body:match('"t":"(%d+)"'), body:match('"d":"(%d)"')
    if id and t and d and not seen[id] then
      seen[id] = true
      table.insert(d == "1" and doomed[tonumber(t)] or kept[tonumber(t)], id)
    end
    return
  end
  local id = body:match('"id":"([%w_]+)"')
  local queue = id and byId[id]
  if queue then
    local pending = table.remove(queue, 1)
    if #queue == 0 then
      byId[id] = nil
    end
    record(pending[1], pending[2])
  end
end

-- The histogram of some operations over all threads: bucket -> count (each bucket stands for its middle value).
local function merged(names)
  local histogram = {}
  for _, thread in ipairs(threads) do
    for operation, bucket, n in thread:get("histogramText"):gmatch("(%a+):(%d+)=(%d+)") do
      for _, name in ipairs(names) do
        if name == operation then
          histogram[tonumber(bucket)] = (histogram[tonumber(bucket)] or 0) + tonumber(n)
        end
      end
    end
  end
  return histogram
end

local function bucketOf(us)
  return math.floor(100 * math.log(math.max(us, 1)))
end

local function middle(bucket)
  return math.exp((bucket + 0.5) / 100)
end

-- wrk's latency correction (stats_correct in wrk.c), which every latency wrk prints has been through: each latency
-- of at least twice the expected interval between a connection's requests (run time / requests per connection)
-- also counts as the latencies of the requests that connection would have sent meanwhile (latency minus one, two,
-- ... intervals, down to one interval). Applied here the same way, so the two can be compared.
local function corrected(histogram, expected)
  local out = {}
  for bucket, count in pairs(histogram) do
    out[bucket] = (out[bucket] or 0) + count
    local m = middle(bucket) - expected
    if m + expected >= 2 * expected then
      while m > expected do
        out[bucketOf(m)] = (out[bucketOf(m)] or 0) + count
        m = m - expected
      end
    end
  end
  return out
end

local function percentile(histogram, p)
  local buckets, count = {}, 0
  for bucket, n in pairs(histogram) do
    table.insert(buckets, bucket)
    count = count + n
  end
  table.sort(buckets)
  local sum = 0
  for _, bucket in ipairs(buckets) do
    sum = sum + histogram[bucket]
    if sum >= count * p / 100 then
      return middle(bucket) / 1000, count
    end
  end
  return 0, count
end

done = function(summary, latency, requests)
  local connections = tonumber(os.getenv("SOAK_CONNECTIONS") or "0")
  local expected = 0
  if connections > 0 and summary.requests >= connections then
    expected = summary.duration / math.floor(summary.requests / connections)
  end
  local lines = { { "create+get", { "create", "get" } } }
  for _, operation in ipairs(OPERATIONS) do table.insert(lines, { operation, { operation } }) end
  table.insert(lines, { "all", OPERATIONS })
  for _, line in ipairs(lines) do
    local histogram = merged(line[2])
    local p50, count = percentile(histogram, 50)
    if count > 0 then
      local p99 = percentile(histogram, 99)
      local text = string.format("soak latency %s: n %d, p50 %.2f ms, p99 %.2f ms", line[1], count, p50, p99)
      if expected > 0 then
        text = text .. string.format(", p99 as wrk corrects it %.2f ms", percentile(corrected(histogram, expected), 99))
      end
      io.write(text .. "\n")
    end
  end
end
