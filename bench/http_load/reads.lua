-- Case reads: GET /api/cases/{id} with a bearer token, rotating over the case ids.
--   wrk ... -s reads.lua URL -- TOKEN ID...
-- Each wrk thread starts at another id. The same script drives the trivial server (which
-- ignores path and token), so that wrk does the same work per request in both runs.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
package.path = here .. "?.lua;" .. package.path
done = require("report").done

require("rotation").install(function(args)
  assert(#args >= 2, "usage: -- TOKEN ID...")
  local headers = { ["Authorization"] = "Bearer " .. args[1] }
  local requests = {}
  for i = 2, #args do
    requests[#requests + 1] = wrk.format("GET", "/api/cases/" .. args[i], headers)
  end
  return requests
end)
