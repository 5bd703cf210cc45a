-- Paced load for wrk (./vf bench): every connection pauses between requests so that all of them together
-- offer about VF_BENCH_RATE requests per second. Below saturation, the latency wrk reports is what a
-- request costs on its way through, not how long it queued behind the others (wrk starts its clock when
-- the request is written, after the pause).
local rate = tonumber(os.getenv("VF_BENCH_RATE") or "500")
local connections = tonumber(os.getenv("VF_BENCH_CONNECTIONS") or "32")
local pause_ms = math.floor(connections * 1000 / rate)

function delay()
  return pause_ms
end
