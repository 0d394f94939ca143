-- bench/stripe/create-get.lua with the tenant named by the environment (TENANTS=a), so that two wrk processes
-- driving two replicas use tenants of their own: a customer create, then a GET of the customer this thread created
-- last; each wrk thread is its own tenant and resets it every 4000 creates (a tenant's table holds at most 10,000).
local threads = 0
local tenants = os.getenv("TENANTS") or "bench"
setup = function(thread)
  threads = threads + 1
  thread:set("key", "sk_test_" .. tenants .. "_" .. threads)
end
local n, creates, last = 0, 0, nil
request = function()
  n = n + 1
  if last == nil or n % 2 == 1 then
    creates = creates + 1
    if creates % 4000 == 0 then
      last = nil
      return wrk.format("POST", "/__twin/reset?tenant=" .. key)
    end
    return wrk.format("POST", "/v1/customers", {["Content-Type"]="application/x-www-form-urlencoded",
      ["Authorization"]="Bearer " .. key}, "name=Jenny+Rosen&email=jenny%40example.com")
  end
  return wrk.format("GET", "/v1/customers/" .. last, {["Authorization"]="Bearer " .. key})
end
response = function(status, headers, body)
  local id = body:match('"id":"(cus_[%w]+)"')
  if id then last = id end
end
