-- wrk script: every request carries a user id that no lane rule matches (so the lane
-- filter tries all its rules), and each thread stops after max_requests responses, so a
-- run is bounded in time (wrk -d) and in request count.
-- Usage: wrk -t1 -c16 -d10s --latency -s bounded.lua http://127.0.0.1:PORT/x [max_requests] [header: value]
local max_requests = 200000
local count = 0

function init(args)
  if args[1] then max_requests = tonumber(args[1]) end
  wrk.headers["userId"] = "user-1"
  if args[2] and args[2] ~= "" then
    local name, value = args[2]:match("^([^:]+):%s*(.*)$")
    wrk.headers[name] = value
  end
end

function response(status, headers, body)
  count = count + 1
  if count >= max_requests then wrk.thread:stop() end
end
