-- The soak's stateful mix over many tenants (bench/soak.sh). Each wrk thread owns TENANTS tenants (API keys) and
-- per tenant two pools of customer ids learned from create answers: "kept" rows (at most 50 per tenant) that are
-- read, listed and updated, and "doomed" rows that are only ever deleted, so no read can race a delete and the
-- number of rows stays level: a long soak measures the server, not a growing table.
--   ~20% create (form body), 40% get of a kept row, 10% list (limit=10), 10% update, 20% delete of a doomed row
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local tenants = tonumber(os.getenv("SOAK_TENANTS_PER_THREAD") or "50")
local kept, doomed, seen = {}, {}, {}
init = function(args)
  math.randomseed(tid * 7919)
  for k = 1, tenants do kept[k] = {}; doomed[k] = {} end
end

local function auth(k)
  return "Bearer sk_test_soak_" .. tid .. "_" .. k
end

local form = "application/x-www-form-urlencoded"
local function create(k, doom)
  return wrk.format("POST", "/v1/customers", {["Content-Type"] = form, ["Authorization"] = auth(k)},
    "name=Soak&email=soak%40example.com&metadata[t]=" .. k .. "&metadata[d]=" .. (doom and "1" or "0"))
end

request = function()
  local k = math.random(tenants)
  local r = math.random(100)
  local mine = kept[k]
  if r <= 20 or #mine == 0 then
    return create(k, #mine >= 50 or r % 2 == 0)
  elseif r <= 60 then
    return wrk.format("GET", "/v1/customers/" .. mine[math.random(#mine)], {["Authorization"] = auth(k)})
  elseif r <= 70 then
    return wrk.format("GET", "/v1/customers?limit=10", {["Authorization"] = auth(k)})
  elseif r <= 80 then
    return wrk.format("POST", "/v1/customers/" .. mine[math.random(#mine)],
      {["Content-Type"] = form, ["Authorization"] = auth(k)}, "name=Updated")
  end
  local id = table.remove(doomed[k], 1)
  if id == nil then
    return create(k, true)
  end
  return wrk.format("DELETE", "/v1/customers/" .. id, {["Authorization"] = auth(k)})
end

response = function(status, headers, body)
  local id = body:match('"id":"(cus_%w+)"')
  local t, d = body:match('"t":"(%d+)"'), body:match('"d":"(%d)"')
  if id and t and d and not seen[id] then
    seen[id] = true
    table.insert(d == "1" and doomed[tonumber(t)] or kept[tonumber(t)], id)
  end
end
