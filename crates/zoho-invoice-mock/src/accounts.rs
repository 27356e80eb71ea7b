//! The accounts (OAuth) server: authorization redirect, grant-code and refresh-token
//! exchange, revocation, expiry on the server's clock, and the "too many requests
//! continuously" throttle.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Mutex;
use std::time::Duration;

use serde_json::{Value, json};

use crate::config::MockConfig;
use crate::reply::{ApiError, codes};

/// The accounts server's answer.
#[derive(Debug)]
pub(crate) enum AccountsReply {
    /// A JSON body with a status.
    Json(u16, Value),
    /// A 302 to this location.
    Redirect(String),
}

#[derive(Debug, Default)]
struct RefreshState {
    recent: VecDeque<u64>,
    locked_until: Option<u64>,
    revoked: bool,
}

#[derive(Debug)]
struct AccessState {
    expires_at: u64,
    refresh: Option<String>,
}

#[derive(Debug, Default)]
struct Tokens {
    counter: u64,
    grant_codes: HashSet<String>,
    refresh: HashMap<String, RefreshState>,
    access: HashMap<String, AccessState>,
}

/// Issued grant codes and tokens.
#[derive(Debug)]
pub(crate) struct Accounts {
    tokens: Mutex<Tokens>,
    client_id: String,
    client_secret: String,
    static_token: Option<String>,
    lifetime: Duration,
    per_window: u32,
    window: Duration,
    lockout: Duration,
}

fn error(e: &str) -> AccountsReply {
    AccountsReply::Json(200, json!({"error": e}))
}

impl Accounts {
    pub(crate) fn new(config: &MockConfig) -> Self {
        Self {
            tokens: Mutex::new(Tokens::default()),
            client_id: config.client_id.clone(),
            client_secret: config.client_secret.clone(),
            static_token: config.static_token.clone(),
            lifetime: config.token_lifetime,
            per_window: config.token_requests_per_window,
            window: config.token_window,
            lockout: config.token_lockout,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Tokens> {
        self.tokens.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn mint(t: &mut Tokens, kind: &str) -> String {
        t.counter += 1;
        let n = t.counter;
        format!(
            "1000.{kind}{n:028x}.{:032x}",
            n.wrapping_mul(0x9e37_79b9_7f4a_7c15)
        )
    }

    /// A fresh single-use grant code.
    pub(crate) fn grant_code(&self) -> String {
        let mut t = self.lock();
        let code = Self::mint(&mut t, "code");
        t.grant_codes.insert(code.clone());
        code
    }

    /// An access token valid for the configured lifetime from `now` (server seconds).
    pub(crate) fn issue_access(&self, now: u64) -> String {
        let mut t = self.lock();
        let token = Self::mint(&mut t, "acc");
        t.access.insert(
            token.clone(),
            AccessState {
                expires_at: now.saturating_add(self.lifetime.as_secs()),
                refresh: None,
            },
        );
        token
    }

    /// Makes every issued access token expired.
    pub(crate) fn expire_all(&self) {
        for a in self.lock().access.values_mut() {
            a.expires_at = 0;
        }
    }

    /// Checks an API request's token.
    pub(crate) fn check(&self, token: &str, now: u64) -> Result<(), ApiError> {
        if self.static_token.as_deref() == Some(token) {
            return Ok(());
        }
        let t = self.lock();
        match t.access.get(token) {
            Some(a) if a.expires_at > now => Ok(()),
            _ => Err(ApiError::new(
                401,
                codes::INVALID_TOKEN,
                "Invalid OAuth token.",
            )),
        }
    }

    fn client_ok(&self, p: &HashMap<String, String>) -> bool {
        p.get("client_id") == Some(&self.client_id)
            && p.get("client_secret") == Some(&self.client_secret)
    }

    /// Answers one request to the accounts server.
    pub(crate) fn handle(
        &self,
        method: &str,
        path: &str,
        params: &HashMap<String, String>,
        now: u64,
        api_domain: &str,
        accounts_url: &str,
    ) -> AccountsReply {
        match (method, path) {
            ("GET", "/oauth/v2/auth") => {
                if params.get("client_id") != Some(&self.client_id) {
                    return error("invalid_client");
                }
                let Some(redirect) = params.get("redirect_uri") else {
                    return error("invalid_redirect_uri");
                };
                let code = self.grant_code();
                let sep = if redirect.contains('?') { '&' } else { '?' };
                let mut location = format!(
                    "{redirect}{sep}code={code}&location=us&accounts-server={accounts_url}"
                );
                if let Some(state) = params.get("state") {
                    location.push_str(&format!("&state={state}"));
                }
                AccountsReply::Redirect(location)
            }
            ("POST", "/oauth/v2/token") => self.token(params, now, api_domain),
            ("POST", "/oauth/v2/token/revoke") => self.revoke(params),
            _ => AccountsReply::Json(404, json!({"error": "invalid_url"})),
        }
    }

    fn token(&self, p: &HashMap<String, String>, now: u64, api_domain: &str) -> AccountsReply {
        if !self.client_ok(p) {
            return error("invalid_client");
        }
        let lifetime = self.lifetime.as_secs();
        let mut t = self.lock();
        match p.get("grant_type").map(String::as_str) {
            Some("authorization_code") => {
                let Some(code) = p.get("code") else {
                    return error("invalid_code");
                };
                if !t.grant_codes.remove(code) {
                    return error("invalid_code");
                }
                let refresh = Self::mint(&mut t, "ref");
                let access = Self::mint(&mut t, "acc");
                t.refresh.insert(refresh.clone(), RefreshState::default());
                t.access.insert(
                    access.clone(),
                    AccessState {
                        expires_at: now.saturating_add(lifetime),
                        refresh: Some(refresh.clone()),
                    },
                );
                AccountsReply::Json(
                    200,
                    json!({
                        "access_token": access,
                        "refresh_token": refresh,
                        "api_domain": api_domain,
                        "token_type": "Bearer",
                        "expires_in": lifetime,
                    }),
                )
            }
            Some("refresh_token") => {
                let Some(refresh) = p.get("refresh_token").cloned() else {
                    return error("invalid_code");
                };
                let (per_window, window, lockout) = (
                    self.per_window,
                    self.window.as_secs(),
                    self.lockout.as_secs(),
                );
                let Some(state) = t.refresh.get_mut(&refresh).filter(|s| !s.revoked) else {
                    return error("invalid_code");
                };
                while state
                    .recent
                    .front()
                    .is_some_and(|&at| at.saturating_add(window) <= now)
                {
                    state.recent.pop_front();
                }
                let locked = state.locked_until.is_some_and(|until| until > now);
                if locked || state.recent.len() >= per_window as usize {
                    // Retrying while locked extends the lock, as the real service does.
                    state.locked_until = Some(now.saturating_add(lockout));
                    return AccountsReply::Json(
                        400,
                        json!({
                            "error": "Access Denied",
                            "error_description": "You have made too many requests continuously. Please try again after some time.",
                        }),
                    );
                }
                state.recent.push_back(now);
                let access = Self::mint(&mut t, "acc");
                t.access.insert(
                    access.clone(),
                    AccessState {
                        expires_at: now.saturating_add(lifetime),
                        refresh: Some(refresh),
                    },
                );
                AccountsReply::Json(
                    200,
                    json!({
                        "access_token": access,
                        "api_domain": api_domain,
                        "token_type": "Bearer",
                        "expires_in": lifetime,
                    }),
                )
            }
            _ => error("unsupported_grant_type"),
        }
    }

    fn revoke(&self, p: &HashMap<String, String>) -> AccountsReply {
        let Some(token) = p.get("token") else {
            return error("invalid_token");
        };
        let mut t = self.lock();
        if let Some(state) = t.refresh.get_mut(token) {
            state.revoked = true;
            t.access
                .retain(|_, a| a.refresh.as_deref() != Some(token.as_str()));
            return AccountsReply::Json(200, json!({"status": "success"}));
        }
        if t.access.remove(token).is_some() {
            return AccountsReply::Json(200, json!({"status": "success"}));
        }
        error("invalid_token")
    }
}
