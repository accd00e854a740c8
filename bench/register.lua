-- wrk script for bench_pages' registrations: every request a different signed-in member
-- posting the registration form (session cookie and CSRF secret made beforehand by
-- bench/http_sessions.py). BENCH_PEOPLE names a file with one "session csrf" pair a line;
-- BENCH_PATH is the form's URL. Threads take every n-th line, so no member posts twice
-- while there are lines left.
local people = {}
for line in io.lines(os.getenv("BENCH_PEOPLE")) do
  local session, csrf = line:match("^(%S+) (%S+)$")
  people[#people + 1] = { session, csrf }
end
local path = os.getenv("BENCH_PATH")
local threads = 0

function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
  thread:set("step", 0)
end

function init(args)
  step = tonumber(args[1]) or 1
  index = offset
end

function request()
  local person = people[(index % #people) + 1]
  index = index + step
  return wrk.format("POST", path, {
    ["Host"] = "localhost",
    ["Origin"] = "https://localhost",
    ["X-Forwarded-Proto"] = "https",
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "sessionid=" .. person[1] .. "; csrftoken=" .. person[2],
    ["X-CSRFToken"] = person[2],
  }, "")
end
