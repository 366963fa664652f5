-- Submissions: POST /api/cases with the example application and a new Idempotency-Key on every
-- request (so each one creates a case; the service keeps the key for replays).
--   wrk ... -s submit.lua URL -- BODY_FILE RUN_TAG
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
package.path = here .. "?.lua;" .. package.path
done = require("report").done

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

local body, tag
local sent = 0
function init(args)
  assert(#args == 2, "usage: -- BODY_FILE RUN_TAG")
  local file = assert(io.open(args[1], "rb"))
  body = file:read("*a")
  file:close()
  tag = args[2] .. "-" .. tostring(thread_number or 0)
end

function request()
  sent = sent + 1
  return wrk.format("POST", "/api/cases", {
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = tag .. "-" .. sent,
  }, body)
end
