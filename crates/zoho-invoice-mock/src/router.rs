//! A small router over path templates such as `/invoices/{invoice_id}/comments/{comment_id}`.

use crate::ctx::Ctx;
use crate::reply::HResult;

/// Path parameters by name.
pub(crate) type Params = Vec<(&'static str, String)>;

/// A handler of one operation.
pub(crate) type Handler = fn(&mut Ctx<'_>) -> HResult;

/// One operation: method, path template (under `/invoice/v3`) and handler.
pub(crate) struct Route {
    pub(crate) method: &'static str,
    pub(crate) template: &'static str,
    pub(crate) handler: Handler,
}

impl std::fmt::Debug for Route {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.method, self.template)
    }
}

/// Builds a route (for the static table).
pub(crate) const fn route(method: &'static str, template: &'static str, handler: Handler) -> Route {
    Route {
        method,
        template,
        handler,
    }
}

/// The result of routing a request.
#[derive(Debug)]
pub(crate) enum Found {
    /// A route matched; the path parameters by name.
    Matched(&'static Route, Vec<(&'static str, String)>),
    /// The path exists but not with this method.
    MethodNotAllowed,
    /// No template matches the path.
    NoSuchPath,
}

/// Matches `path` (without the API prefix) against `routes`. Literal segments win over
/// parameters, earlier segments first, so `/invoices/pdf` is not `/invoices/{invoice_id}`.
pub(crate) fn find(routes: &'static [Route], method: &str, path: &str) -> Found {
    let segs: Vec<&str> = path.trim_matches('/').split('/').collect();
    let mut best: Option<(Vec<bool>, &'static Route, Params)> = None;
    let mut path_matched = false;
    for r in routes {
        let tsegs: Vec<&'static str> = r.template.trim_matches('/').split('/').collect();
        if tsegs.len() != segs.len() {
            continue;
        }
        let mut literal = Vec::with_capacity(tsegs.len());
        let mut params = Vec::new();
        let ok = tsegs.iter().zip(&segs).all(|(t, s)| {
            if let Some(name) = t.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
                literal.push(false);
                params.push((name, crate::body::percent_decode(s)));
                !s.is_empty()
            } else {
                literal.push(true);
                t == s
            }
        });
        if !ok {
            continue;
        }
        path_matched = true;
        if r.method != method {
            continue;
        }
        let better = match &best {
            None => true,
            Some((b, _, _)) => literal > *b,
        };
        if better {
            best = Some((literal, r, params));
        }
    }
    match best {
        Some((_, r, p)) => Found::Matched(r, p),
        None if path_matched => Found::MethodNotAllowed,
        None => Found::NoSuchPath,
    }
}
