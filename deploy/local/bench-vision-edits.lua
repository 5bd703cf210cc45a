-- Vision edits for ./vf bench's event latency: each request PATCHes the health section of one of the bench's draft
-- visions with a text no other request sends, so that every edit is a change and becomes a vision.updated event.
-- VF_BENCH_VISIONS lists "<vision id> <its member's token>" pairs, comma-separated. Every connection pauses so that
-- all of them together offer about VF_BENCH_RATE edits per second.
local rate = tonumber(os.getenv("VF_BENCH_RATE") or "200")
local connections = tonumber(os.getenv("VF_BENCH_CONNECTIONS") or "8")
local pause_ms = math.floor(connections * 1000 / rate)

local visions = {}
for pair in string.gmatch(os.getenv("VF_BENCH_VISIONS") or "", "[^,]+") do
  local id, token = string.match(pair, "^(%S+) (%S+)$")
  visions[#visions + 1] = { path = "/api/v1/visions/" .. id, authorization = "Bearer " .. token }
end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

local sent = 0

function delay()
  return pause_ms
end

function request()
  sent = sent + 1
  local vision = visions[(sent + thread_number) % #visions + 1]
  local body = '{"health":"Edit ' .. thread_number .. '-' .. sent .. ' of the bench: I am strong and rested."}'
  return wrk.format("PATCH", vision.path,
    { ["Content-Type"] = "application/json", ["Authorization"] = vision.authorization }, body)
end
