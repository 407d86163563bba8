-- Prints wrk's results as crucible-metric lines, for the arena lessons' load steps:
--   wrk -t1 -c16 -d2s -s wrk-metrics.lua http://127.0.0.1:PORT/PATH -- SUBJECT [BODY_FILE]
-- With BODY_FILE every request is a POST of that file's contents as application/json.
-- SUBJECT (learner, baseline) prefixes every name, so the charts group one quantity's bars.
-- Arguments reach only the threads' Lua states; done() runs in the main state and asks a thread.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  subject = args[1] or "learner"
  if args[2] then
    local file = assert(io.open(args[2], "rb"))
    wrk.method = "POST"
    wrk.body = file:read("*a")
    file:close()
    wrk.headers["Content-Type"] = "application/json"
  end
end

function done(summary, latency, requests)
  local name = threads[1]:get("subject")
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local function metric(quantity, value, unit)
    io.write(string.format("crucible-metric %s.%s %.6g %s\n", name, quantity, value, unit))
  end
  metric("throughput", summary.requests / seconds, "req/s")
  for _, p in ipairs({ 50, 90, 99 }) do
    metric("latency_p" .. p, latency:percentile(p), "us")
  end
  metric("latency_max", latency.max, "us")
  metric("errors", e.connect + e.read + e.write + e.status + e.timeout, "count")
end
