-- Decides one request against every limit of a policy, atomically: checks all limits, then
-- charges all of them or none. The same formulas as the Java kernels in
-- dev.mercado.platform.ratelimit.internal (TokenBucket, LeakyBucket, FixedWindow, SlidingLog,
-- SlidingWindow), in integer microseconds held in Lua numbers (exact below 2^53; Limit checks).
--
-- KEYS[i]   the state of limit i for the caller's key
-- ARGV[1]   the time in µs, or -1: Redis's TIME (production; tests pass a fake time)
-- ARGV[2]   permits asked for
-- ARGV[3 + 4 * (i - 1)] ... limit i: algorithm (1 token bucket, 2 leaky bucket, 3 fixed window,
--           4 sliding log, 5 sliding window), permits n, period w in µs, capacity c
-- returns   {now, allowed, then per limit: ok, remaining, reset µs, retry µs, delay µs}
--
-- State: token and leaky bucket "level:time", fixed window "window:count", sliding window
-- "window:current:previous" (strings), sliding log a list of timestamps, newest first. Every key
-- expires one second after its state equals a fresh one, so idle callers leave nothing behind.

local now = tonumber(ARGV[1])
if now < 0 then
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000000 + tonumber(time[2])
end
local permits = tonumber(ARGV[2])

local floor = math.floor
local function fdiv(a, b) return floor(a / b) end
local function cdiv(a, b) return -floor(-a / b) end
local function max(a, b) if a > b then return a end return b end
local function fmt(x) return string.format('%.0f', x) end

local function read(key, fresh)
  local value = redis.call('GET', key)
  if not value then return fresh end
  local s = {}
  for part in string.gmatch(value, '[^:]+') do s[#s + 1] = tonumber(part) end
  return s
end

-- A key is kept a second longer than its state matters: keeping it changes no decision (every
-- state decays to the fresh one by itself), and a caller passing its own time (tests) may take
-- longer in real time than the state lives in its time.
local SLACK_MS = 1000

-- ttl: µs until the state equals a fresh one
local function write(key, s, ttl)
  if ttl <= 0 then
    redis.call('DEL', key)
    return
  end
  local parts = {}
  for i = 1, #s do parts[i] = fmt(s[i]) end
  redis.call('SET', key, table.concat(parts, ':'), 'PX', cdiv(ttl, 1000) + SLACK_MS)
end

-- Only the algorithms this policy uses are defined: every function definition costs a closure
-- on every call.
local uses = {}
for i = 1, #KEYS do uses[tonumber(ARGV[3 + (i - 1) * 4])] = true end
local tb_check, tb_commit, lb_check, lb_commit, fw_check, fw_commit
local sl_check, sl_commit, sw_check, sw_commit

-- token bucket: level = tokens * w in 0..c*w, refilled by n per µs
if uses[1] then
  local function tb_level(s, n, w, c)
    local full = c * w
    local elapsed = now - s[2]
    if elapsed <= 0 then return s[1] end
    if elapsed >= cdiv(full - s[1], n) then return full end
    return s[1] + elapsed * n
  end

  tb_check = function(s, n, w, c, p)
    local full = c * w
    local level = tb_level(s, n, w, c)
    local need = p * w
    local ok = level >= need
    local after, retry, reset = level, 0, 0
    if ok then after = level - need else retry = cdiv(need - level, n) end
    if after < full then reset = cdiv((fdiv(after, w) + 1) * w - after, n) end
    return ok, fdiv(after, w), reset, retry, 0
  end

  tb_commit = function(key, s, n, w, c, p)
    local level = tb_level(s, n, w, c) - p * w
    local t = max(s[2], now)
    write(key, {level, t}, t + cdiv(c * w - level, n) - now)
  end
end

-- leaky bucket (queue): level = queued requests * w in 0..c*w, drained by n per µs
if uses[2] then
  local function lb_level(s, n)
    local elapsed = now - s[2]
    if elapsed <= 0 then return s[1] end
    if elapsed >= cdiv(s[1], n) then return 0 end
    return s[1] - elapsed * n
  end

  lb_check = function(s, n, w, c, p)
    local cap = c * w
    local level = lb_level(s, n)
    local need = p * w
    local ok = level + need <= cap
    local after, retry, delay, reset = level, 0, 0, 0
    if ok then
      after = level + need
      delay = cdiv(level, n)
    else
      retry = cdiv(level + need - cap, n)
    end
    local remaining = fdiv(cap - after, w)
    if after > 0 then reset = cdiv(after - (cap - (remaining + 1) * w), n) end
    return ok, remaining, reset, retry, delay
  end

  lb_commit = function(key, s, n, w, c, p)
    local level = lb_level(s, n) + p * w
    local t = max(s[2], now)
    write(key, {level, t}, t + cdiv(level, n) - now)
  end
end

-- fixed window: windows [k*w, (k+1)*w)
if uses[3] then
  fw_check = function(s, n, w, c, p)
    local k = max(fdiv(now, w), s[1])
    local count = 0
    if s[1] == k then count = s[2] end
    local ends = (k + 1) * w - now
    local ok = count + p <= n
    local after, retry, reset = count, 0, 0
    if ok then after = count + p else retry = ends end
    if after > 0 then reset = ends end
    return ok, n - after, reset, retry, 0
  end

  fw_commit = function(key, s, n, w, c, p)
    local k = max(fdiv(now, w), s[1])
    local count = 0
    if s[1] == k then count = s[2] end
    write(key, {k, count + p}, (k + 1) * w - now)
  end
end

-- sliding log: an entry at t counts during [t, t+w)
if uses[4] then
  local function sl_expire(key, w)
    local cutoff = now - w
    while true do
      local oldest = redis.call('LINDEX', key, -1)
      if oldest and tonumber(oldest) <= cutoff then
        redis.call('RPOP', key)
      else
        break
      end
    end
  end

  sl_check = function(key, n, w, c, p)
    sl_expire(key, w)
    local count = redis.call('LLEN', key)
    local ok = count + p <= n
    local after, retry, reset = count, 0, 0
    if ok then
      after = count + p
    else
      retry = tonumber(redis.call('LINDEX', key, -(count + p - n))) + w - now
    end
    if after > 0 then
      if count > 0 then
        reset = tonumber(redis.call('LINDEX', key, -1)) + w - now
      else
        reset = w
      end
    end
    return ok, n - after, reset, retry, 0
  end

  sl_commit = function(key, n, w, c, p)
    local newest = redis.call('LINDEX', key, 0)
    local stamp = now
    if newest then stamp = max(now, tonumber(newest)) end
    local value = fmt(stamp)
    local left = p
    while left > 0 do
      local chunk = {}
      for i = 1, math.min(left, 100) do chunk[i] = value end
      redis.call('LPUSH', key, unpack(chunk))
      left = left - #chunk
    end
    redis.call('PEXPIRE', key, cdiv(stamp + w - now, 1000) + SLACK_MS)
  end
end

-- sliding window counter: weighted = previous * (w - e) + current * w, e: time into the window
if uses[5] then
  local function sw_roll(s, w)
    local k = max(fdiv(now, w), s[1])
    local prev, curr = 0, 0
    if s[1] == k then
      prev, curr = s[3], s[2]
    elseif s[1] == k - 1 then
      prev = s[2]
    end
    return k, prev, curr
  end

  local function sw_until(target, prev, curr, e, w)
    if prev * (w - e) + curr * w <= target then return 0 end
    if curr * w <= target then
      return max(0, w - fdiv(target - curr * w, prev) - e)
    end
    return (w - e) + (w - fdiv(target, curr))
  end

  sw_check = function(s, n, w, c, p)
    local k, prev, curr = sw_roll(s, w)
    local e = max(0, now - k * w)
    local weighted = prev * (w - e) + curr * w
    local cap = n * w
    local need = p * w
    local ok = weighted + need <= cap
    local retry, reset = 0, 0
    if ok then
      curr = curr + p
      weighted = weighted + need
    else
      retry = sw_until(cap - need, prev, curr, e, w)
    end
    local remaining = max(0, fdiv(cap - weighted, w))
    if weighted > 0 then reset = sw_until(cap - (remaining + 1) * w, prev, curr, e, w) end
    return ok, remaining, reset, retry, 0
  end

  sw_commit = function(key, s, n, w, c, p)
    local k, prev, curr = sw_roll(s, w)
    write(key, {k, curr + p, prev}, (k + 2) * w - now)
  end
end

local function check(algorithm, key, s, n, w, c, p)
  if algorithm == 1 then return tb_check(s, n, w, c, p) end
  if algorithm == 2 then return lb_check(s, n, w, c, p) end
  if algorithm == 3 then return fw_check(s, n, w, c, p) end
  if algorithm == 4 then return sl_check(key, n, w, c, p) end
  return sw_check(s, n, w, c, p)
end

local function commit(algorithm, key, s, n, w, c, p)
  if algorithm == 1 then return tb_commit(key, s, n, w, c, p) end
  if algorithm == 2 then return lb_commit(key, s, n, w, c, p) end
  if algorithm == 3 then return fw_commit(key, s, n, w, c, p) end
  if algorithm == 4 then return sl_commit(key, n, w, c, p) end
  return sw_commit(key, s, n, w, c, p)
end

local limits = {}
local allowed = true
for i = 1, #KEYS do
  local a = 3 + (i - 1) * 4
  local l = {
    algorithm = tonumber(ARGV[a]), n = tonumber(ARGV[a + 1]),
    w = tonumber(ARGV[a + 2]), c = tonumber(ARGV[a + 3]), key = KEYS[i]
  }
  if l.algorithm == 1 then
    l.s = read(l.key, {l.c * l.w, now})
  elseif l.algorithm == 2 then
    l.s = read(l.key, {0, now})
  elseif l.algorithm == 3 then
    l.s = read(l.key, {fdiv(now, l.w), 0})
  elseif l.algorithm == 5 then
    l.s = read(l.key, {fdiv(now, l.w), 0, 0})
  end
  l.ok, l.remaining, l.reset, l.retry, l.delay =
    check(l.algorithm, l.key, l.s, l.n, l.w, l.c, permits)
  allowed = allowed and l.ok
  limits[i] = l
end

local reply = {now, 0}
if allowed then reply[2] = 1 end
for i = 1, #limits do
  local l = limits[i]
  if allowed then
    commit(l.algorithm, l.key, l.s, l.n, l.w, l.c, permits)
  else
    -- nothing is charged: report every limit as it stands
    local _, remaining, reset = check(l.algorithm, l.key, l.s, l.n, l.w, l.c, 0)
    l.remaining, l.reset = remaining, reset
  end
  local ok = 0
  if l.ok then ok = 1 end
  reply[#reply + 1] = ok
  reply[#reply + 1] = l.remaining
  reply[#reply + 1] = l.reset
  reply[#reply + 1] = l.retry
  reply[#reply + 1] = l.delay
end
return reply
