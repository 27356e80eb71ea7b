//! Small, valid PDF documents built by the server: one page per record, with its number,
//! customer, dates, line items and totals.

use bytes::Bytes;
use serde_json::Value;

use crate::ctx::Format;
use crate::reply::{Reply, capitalize};
use crate::resources::defs::Res;
use crate::state::{Record, text};

/// Escapes text for a PDF string literal (ASCII only).
fn escape(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '(' | ')' | '\\' => format!("\\{c}"),
            c if c.is_ascii() && !c.is_ascii_control() => c.to_string(),
            _ => "?".to_string(),
        })
        .collect()
}

/// Builds a PDF with one page per entry of `pages`, each a list of text lines.
pub(crate) fn render(pages: &[Vec<String>]) -> Bytes {
    let mut objects: Vec<String> = Vec::new();
    let page_count = pages.len().max(1);
    // 1: catalog, 2: pages, 3: font, then (page, content) pairs.
    objects.push("<< /Type /Catalog /Pages 2 0 R >>".into());
    let kids: Vec<String> = (0..page_count)
        .map(|i| format!("{} 0 R", 4 + 2 * i))
        .collect();
    objects.push(format!(
        "<< /Type /Pages /Kids [{}] /Count {page_count} >>",
        kids.join(" ")
    ));
    objects.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".into());
    let empty = vec![String::new()];
    for i in 0..page_count {
        let lines = pages.get(i).unwrap_or(&empty);
        let mut stream = String::from("BT /F1 11 Tf 50 800 Td 14 TL\n");
        for line in lines {
            stream.push_str(&format!("({}) Tj T*\n", escape(line)));
        }
        stream.push_str("ET");
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            5 + 2 * i
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{stream}\nendstream",
            stream.len()
        ));
    }
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, obj) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.push_str(&format!("{} 0 obj\n{obj}\nendobj\n", i + 1));
    }
    let xref = out.len();
    out.push_str(&format!(
        "xref\n0 {}\n0000000000 65535 f \n",
        objects.len() + 1
    ));
    for off in offsets {
        out.push_str(&format!("{off:010} 00000 n \n"));
    }
    out.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    Bytes::from(out)
}

/// The lines printed for one record.
fn lines(res: &Res, rec: &Record) -> Vec<String> {
    let number = res
        .number
        .and_then(|(f, _)| text(rec.get(f)))
        .or_else(|| text(rec.get(res.id)))
        .unwrap_or_default();
    let mut out = vec![format!("{} {number}", capitalize(res.label))];
    for f in [
        "customer_name",
        "date",
        "due_date",
        "status",
        "reference_number",
    ] {
        if let Some(v) = text(rec.get(f)) {
            out.push(format!("{f}: {v}"));
        }
    }
    if let Some(Value::Array(items)) = rec.get("line_items") {
        for li in items {
            out.push(format!(
                "- {} x{} @ {} = {}",
                text(li.get("name"))
                    .or_else(|| text(li.get("description")))
                    .unwrap_or_default(),
                text(li.get("quantity")).unwrap_or_else(|| "1".into()),
                text(li.get("rate")).unwrap_or_default(),
                text(li.get("item_total")).unwrap_or_default()
            ));
        }
    }
    for f in ["total", "balance"] {
        if let Some(v) = text(rec.get(f)) {
            out.push(format!("{f}: {v}"));
        }
    }
    out
}

/// A download of `recs`: a PDF (one page each) or an HTML page.
pub(crate) fn document_reply(format: Format, res: &Res, recs: &[Record]) -> Reply {
    let name = match recs {
        [one] => res
            .number
            .and_then(|(f, _)| text(one.get(f)))
            .or_else(|| text(one.get(res.id)))
            .unwrap_or_else(|| res.label.to_string()),
        _ => res.many.to_string(),
    };
    let pages: Vec<Vec<String>> = recs.iter().map(|r| lines(res, r)).collect();
    match format {
        Format::Html => {
            let body: String = pages
                .iter()
                .map(|p| {
                    let items: String = p
                        .iter()
                        .map(|l| format!("<p>{}</p>", html_escape(l)))
                        .collect();
                    format!("<section>{items}</section>")
                })
                .collect();
            Reply::File {
                content_type: "text/html;charset=UTF-8".into(),
                file_name: format!("{name}.html"),
                bytes: Bytes::from(format!(
                    "<!DOCTYPE html><html><head><title>{}</title></head><body>{body}</body></html>",
                    html_escape(&name)
                )),
            }
        }
        _ => Reply::File {
            content_type: "application/pdf".into(),
            file_name: format!("{name}.pdf"),
            bytes: render(&pages),
        },
    }
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xref_offsets_point_at_objects() {
        let pdf = render(&[vec!["Invoice INV-000001 (draft)".into()], vec!["p2".into()]]);
        let text = String::from_utf8(pdf.to_vec()).expect("ascii");
        assert!(text.starts_with("%PDF-1.4"));
        assert!(text.trim_end().ends_with("%%EOF"));
        let start: usize = text
            .rsplit("startxref\n")
            .next()
            .and_then(|t| t.lines().next())
            .and_then(|n| n.parse().ok())
            .expect("startxref");
        assert!(text[start..].starts_with("xref"));
        let entries: Vec<&str> = text[start..].lines().skip(3).take(7).collect();
        for (i, e) in entries.iter().enumerate() {
            let off: usize = e[..10].parse().expect("offset");
            assert!(
                text[off..].starts_with(&format!("{} 0 obj", i + 1)),
                "object {}",
                i + 1
            );
        }
        assert!(text.contains("/Count 2"));
        assert!(text.contains("\\(draft\\)"));
    }
}
