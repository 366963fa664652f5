-- Pages: GET of rendered pages, each with its own cookie (the case page needs its case's).
--   wrk ... -s pages.lua URL -- PATH[|COOKIE]...
-- Each wrk thread starts at another entry.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
package.path = here .. "?.lua;" .. package.path
done = require("report").done

require("rotation").install(function(args)
  assert(#args >= 1, "usage: -- PATH[|COOKIE]...")
  local requests = {}
  for i = 1, #args do
    local path, cookie = args[i]:match("^([^|]*)|?(.*)$")
    local headers = {}
    if cookie ~= "" then headers["Cookie"] = cookie end
    requests[#requests + 1] = wrk.format("GET", path, headers)
  end
  return requests
end)
