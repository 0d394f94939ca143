-- Stripe's stateless GET /v1/balance, answered from the spec.
request = function()
  return wrk.format("GET", "/v1/balance", {["Authorization"]="Bearer sk_test_bench"})
end
