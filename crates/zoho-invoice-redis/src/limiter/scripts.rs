//! The limiter's Lua scripts. Each takes one organization's four keys (window, slots, quota,
//! pause: one hash tag) and reads the time from Redis (`TIME`), so that processes whose
//! clocks disagree still agree on the window.

use std::sync::LazyLock;

use redis::Script;

/// Whether a request may go now.
///
/// `ARGV`: requests per window, window (ms), most in flight, slot lease (ms), slot id,
/// longest pause waited out (ms).
///
/// Answers `{0, now}` (admitted: the slot id is in the window and among the slots),
/// `{1, wait_ms}` (wait; 0 means until a slot frees or an answer reports the quota),
/// `{2, resets_in_ms, resets_at_ms}` (the daily quota is spent) or
/// `{3, retry_in_ms, retry_at_ms}` (a 429 asked for a longer pause than is waited out).
const ADMIT: &str = r"
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local per_window = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local max_in_flight = tonumber(ARGV[3])
local lease = tonumber(ARGV[4])
local max_pause = tonumber(ARGV[6])

local quota = redis.call('HMGET', KEYS[3], 'remaining', 'resets_at', 'silent_until')
local remaining = tonumber(quota[1])
local resets_at = tonumber(quota[2])
local silent_until = tonumber(quota[3])
local quota_known = remaining ~= nil and resets_at ~= nil and now < resets_at
if quota_known and remaining <= 0 then
  return {2, resets_at - now, resets_at}
end

local pause = tonumber(redis.call('GET', KEYS[4]))
if pause and pause > now then
  if pause - now > max_pause then
    return {3, pause - now, pause}
  end
  return {1, pause - now}
end

redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local in_flight = redis.call('ZCARD', KEYS[2])
-- Nothing known of the quota (a cold start, a new day): one request goes first to learn it,
-- unless answers have lately come without quota headers.
local cap = max_in_flight
if not quota_known and not (silent_until ~= nil and silent_until > now) then
  cap = 1
end
if in_flight >= cap then
  return {1, 0}
end
-- The requests in flight may all count against the reported quota: room for one more only
-- when the quota exceeds them.
if quota_known and remaining - in_flight <= 0 then
  return {1, 0}
end

redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= per_window then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {1, math.max(1, tonumber(oldest[2]) + window - now)}
end

redis.call('ZADD', KEYS[1], now, ARGV[5])
redis.call('PEXPIRE', KEYS[1], window + 1000)
redis.call('ZADD', KEYS[2], now + lease, ARGV[5])
redis.call('PEXPIRE', KEYS[2], lease + 1000)
return {0, now}
";

/// Learns from an answer, and frees its slot.
///
/// `ARGV`: slot id, `1` when the answer is a 429, the reported remaining quota (-1: none),
/// seconds until it resets, the reported daily limit (-1: none), the pause a 429 asks for
/// (ms), `1` when there was an answer at all.
///
/// A reported quota replaces the known one only when it is not higher (answers arrive out of
/// order; the lowest is the latest the server counted) or the known one has reset. An answer
/// without quota headers while none is known lifts the one-at-a-time start for a minute.
///
/// Answers `{0, 0}`, `{1, pause_ms}` (a 429 paused the organization) or
/// `{2, resets_in_ms, resets_at_ms}` (a 429 for the spent daily quota).
const OBSERVE: &str = r"
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREM', KEYS[2], ARGV[1])

local reported = tonumber(ARGV[3])
if reported >= 0 then
  local resets_at = now + tonumber(ARGV[4]) * 1000
  local quota = redis.call('HMGET', KEYS[3], 'remaining', 'resets_at')
  local known = tonumber(quota[1])
  local known_reset = tonumber(quota[2])
  if known == nil or known_reset == nil or now >= known_reset or reported <= known then
    redis.call('HSET', KEYS[3], 'remaining', reported, 'resets_at', resets_at, 'limit', ARGV[5])
    redis.call('PEXPIREAT', KEYS[3], resets_at)
  end
elseif ARGV[7] == '1' and redis.call('HEXISTS', KEYS[3], 'remaining') == 0 then
  redis.call('HSET', KEYS[3], 'silent_until', now + 60000)
  redis.call('PEXPIRE', KEYS[3], 60000)
end

if ARGV[2] == '1' then
  local quota = redis.call('HMGET', KEYS[3], 'remaining', 'resets_at')
  local known = tonumber(quota[1])
  local known_reset = tonumber(quota[2])
  if known ~= nil and known_reset ~= nil and known <= 0 and now < known_reset then
    return {2, known_reset - now, known_reset}
  end
  local pause = tonumber(ARGV[6])
  local pause_until = now + pause
  local current = tonumber(redis.call('GET', KEYS[4]))
  if current == nil or current < pause_until then
    redis.call('SET', KEYS[4], pause_until, 'PX', pause + 1000)
  end
  return {1, pause}
end
return {0, 0}
";

/// Frees a slot whose answer never came (the call was dropped).
const RELEASE: &str = r"
return redis.call('ZREM', KEYS[2], ARGV[1])
";

pub(crate) static ADMIT_SCRIPT: LazyLock<Script> = LazyLock::new(|| Script::new(ADMIT));
pub(crate) static OBSERVE_SCRIPT: LazyLock<Script> = LazyLock::new(|| Script::new(OBSERVE));
pub(crate) static RELEASE_SCRIPT: LazyLock<Script> = LazyLock::new(|| Script::new(RELEASE));
