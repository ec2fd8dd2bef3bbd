-- wrk script of the stack's load test (tests/stack/test_stack.py): every second request
-- carries a unique query string, so Varnish cannot answer it and it reaches an app server.
counter = 0
math.randomseed(os.time())

request = function()
  counter = counter + 1
  if counter % 2 == 0 then
    return wrk.format("GET", "/de/?load=" .. counter .. "-" .. math.random(1000000000))
  end
  return wrk.format("GET", "/de/")
end
