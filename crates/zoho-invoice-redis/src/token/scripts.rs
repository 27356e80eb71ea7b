//! The token store's Lua scripts. Each takes keys of one refresh token only (one hash tag).

use std::sync::LazyLock;

use redis::Script;

/// `KEYS`: value, backoff. Answers `{value or nil, its ttl (ms), backoff or nil, its ttl}`.
const READ: &str = r"
return {
  redis.call('GET', KEYS[1]), redis.call('PTTL', KEYS[1]),
  redis.call('GET', KEYS[2]), redis.call('PTTL', KEYS[2]),
}
";

/// Stores a new token and lets go of the lock if this caller still holds it.
///
/// `KEYS`: value, lock, backoff, streak. `ARGV`: the stored token, its lifetime (ms), the
/// lock's owner value.
const STORE: &str = r"
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('DEL', KEYS[3], KEYS[4])
if redis.call('GET', KEYS[2]) == ARGV[3] then
  redis.call('DEL', KEYS[2])
end
return 1
";

/// Lets go of the lock if this caller still holds it (compare and delete).
///
/// `KEYS`: lock. `ARGV`: the owner value.
const RELEASE: &str = r"
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
";

/// Takes one token request from the fleet's budget, on Redis's clock.
///
/// `KEYS`: sent. `ARGV`: requests allowed per window, the window (ms), a unique member.
/// Answers 0 (taken) or how long until the budget allows one (ms).
const SPEND: &str = r"
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local budget = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= budget then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return math.max(1, tonumber(oldest[2]) + window - now)
end
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('PEXPIRE', KEYS[1], window + 1000)
return 0
";

/// Records a refusal of the accounts server, so that no process asks again for a while: a
/// throttle for a back-off that doubles with each throttle in a row (up to a cap), another
/// refusal for a fixed time.
///
/// `KEYS`: backoff, streak. `ARGV`: the refusal (JSON), `1` for a throttle, the first
/// back-off (ms), the longest (ms), the back-off of other refusals (ms). Answers the
/// back-off (ms).
const REFUSED: &str = r"
local wait
if ARGV[2] == '1' then
  local streak = redis.call('INCR', KEYS[2])
  local longest = tonumber(ARGV[4])
  redis.call('PEXPIRE', KEYS[2], longest * 2 + 1000)
  wait = math.min(tonumber(ARGV[3]) * math.pow(2, math.min(streak - 1, 30)), longest)
else
  wait = tonumber(ARGV[5])
end
wait = math.max(1, math.floor(wait))
redis.call('SET', KEYS[1], ARGV[1], 'PX', wait)
return wait
";

pub(crate) static READ_SCRIPT: LazyLock<Script> = LazyLock::new(|| Script::new(READ));
pub(crate) static STORE_SCRIPT: LazyLock<Script> = LazyLock::new(|| Script::new(STORE));
pub(crate) static RELEASE_SCRIPT: LazyLock<Script> = LazyLock::new(|| Script::new(RELEASE));
pub(crate) static SPEND_SCRIPT: LazyLock<Script> = LazyLock::new(|| Script::new(SPEND));
pub(crate) static REFUSED_SCRIPT: LazyLock<Script> = LazyLock::new(|| Script::new(REFUSED));
