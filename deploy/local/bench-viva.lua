-- VIVA replies for wrk (./vf bench): each wrk thread posts to its own conversation (the ids, comma-separated, in
-- VF_BENCH_VIVA_THREADS) and reads the whole Server-Sent Events stream of each reply. All are one member's, so
-- their replies are settled one after the other (the ledger locks the member's account): one member's pace.
local threads = {}
for id in string.gmatch(os.getenv("VF_BENCH_VIVA_THREADS") or "", "[^,]+") do
  table.insert(threads, id)
end
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_id", threads[((counter - 1) % #threads) + 1])
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept"] = "text/event-stream"
  wrk.body = '{"message":"Help me sharpen my health section"}'
end

function request()
  return wrk.format(nil, "/api/v1/ai/conversations/" .. thread_id .. "/messages")
end
