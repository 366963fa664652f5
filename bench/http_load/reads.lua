-- Case reads: GET /api/cases/{id} with a bearer token, rotating over the case ids.
--   wrk ... -s reads.lua URL -- TOKEN ID...
-- Each wrk thread starts at another id. The same script drives the trivial server (which
-- ignores path and token), so that wrk does the same work per request in both runs.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
package.path = here .. "?.lua;" .. package.path
done = require("report").done

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("offset", threads * 7)
end

local requests = {}
local next_index = 1
function init(args)
  assert(#args >= 2, "usage: -- TOKEN ID...")
  local headers = { ["Authorization"] = "Bearer " .. args[1] }
  for i = 2, #args do
    requests[#requests + 1] = wrk.format("GET", "/api/cases/" .. args[i], headers)
  end
  next_index = (offset or 0) % #requests + 1
end

function request()
  local r = requests[next_index]
  next_index = next_index % #requests + 1
  return r
end
