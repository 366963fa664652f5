-- Rotating over prepared requests: each wrk thread starts at another one and takes them in turn.
--   require("rotation").install(function(args) return { wrk.format(...), ... } end)
-- defines wrk's setup, init and request for a script whose requests `build` makes from its
-- arguments.
local M = {}

function M.install(build)
  local threads = 0
  function setup(thread)
    threads = threads + 1
    thread:set("offset", threads * 7)
  end

  local requests = {}
  local next_index = 1
  function init(args)
    requests = build(args)
    next_index = (offset or 0) % #requests + 1
  end

  function request()
    local r = requests[next_index]
    next_index = next_index % #requests + 1
    return r
  end
end

return M
