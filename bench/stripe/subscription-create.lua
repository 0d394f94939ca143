-- Subscription creates on examples/stripe, as a billing test suite makes them: each request a POST
-- /v1/subscriptions for a customer whose default card is pm_card_visa, one monthly price, expanding
-- latest_invoice.payment_intent (the subscription, its item, a finalized invoice paid through a payment intent and
-- its charge: about six rows and nine events a request). bench/stripe-depth.sh makes the tenants first and names
-- them in the TENANTS file (lines: api-key customer price); requests go round-robin over them, so no tenant reaches
-- a table's row cap within a run.
local tenants = {}
for line in io.lines(os.getenv("TENANTS")) do
  local key, customer, price = line:match("(%S+) (%S+) (%S+)")
  tenants[#tenants + 1] = {key = key, customer = customer, price = price}
end
local n = 0
request = function()
  n = n + 1
  local t = tenants[(n % #tenants) + 1]
  return wrk.format("POST", "/v1/subscriptions", {["Content-Type"]="application/x-www-form-urlencoded",
    ["Authorization"]="Bearer " .. t.key},
    "customer=" .. t.customer .. "&items[0][price]=" .. t.price .. "&expand[]=latest_invoice.payment_intent")
end
