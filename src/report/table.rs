//! One table, four renderings: Markdown (design documents), CSV (spreadsheets, RFC
//! 4180), TSV and HTML (the copy-as-table button: both paste cleanly into
//! spreadsheets and wikis). Each table of the plan is defined once, in
//! [`super::tables`], and rendered by these.

/// One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A titled table of text cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// Stable identifier (file names, element ids).
    pub key: String,
    pub title: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(key: impl Into<String>, title: impl Into<String>, header: &[&str]) -> Self {
        Table { key: key.into(), title: title.into(), header: header.iter().map(|h| h.to_string()).collect(), rows: Vec::new() }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// GitHub-flavoured Markdown; `|` escaped, line breaks folded.
    pub fn markdown(&self) -> String {
        let esc = |c: &str| c.replace('|', "\\|").replace(['\n', '\r'], " ");
        let line = |cells: &[String]| format!("| {} |\n", cells.iter().map(|c| esc(c)).collect::<Vec<_>>().join(" | "));
        let mut out = line(&self.header);
        out.push_str(&format!("|{}\n", "---|".repeat(self.header.len())));
        for r in &self.rows {
            out.push_str(&line(r));
        }
        out
    }

    /// CSV with CRLF line ends; a field with a comma, quote or line break is quoted.
    pub fn csv(&self) -> String {
        std::iter::once(&self.header)
            .chain(&self.rows)
            .map(|r| r.iter().map(|c| csv_field(c)).collect::<Vec<_>>().join(",") + "\r\n")
            .collect()
    }

    /// Tab-separated, tabs and line breaks in cells turned into spaces.
    pub fn tsv(&self) -> String {
        let clean = |s: &String| s.replace(['\t', '\n', '\r'], " ");
        std::iter::once(&self.header)
            .chain(&self.rows)
            .map(|r| r.iter().map(clean).collect::<Vec<_>>().join("\t") + "\n")
            .collect()
    }

    /// A plain `<table>` with escaped text, for the clipboard's text/html.
    pub fn html(&self) -> String {
        let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
        let mut out = format!("<table>\n<caption>{}</caption>\n<thead><tr>", esc(&self.title));
        for h in &self.header {
            out.push_str(&format!("<th>{}</th>", esc(h)));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for r in &self.rows {
            out.push_str("<tr>");
            for c in r {
                out.push_str(&format!("<td>{}</td>", esc(c)));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        let mut t = Table::new("t", "A <title>", &["name", "value"]);
        t.row(vec!["a|b".into(), "say \"hi\", then\tgo".into()]);
        t.row(vec!["plain".into(), "1".into()]);
        t
    }

    #[test]
    fn renderings_escape_what_their_format_needs() {
        let t = sample();
        assert_eq!(t.markdown(), "| name | value |\n|---|---|\n| a\\|b | say \"hi\", then\tgo |\n| plain | 1 |\n");
        assert_eq!(t.csv(), "name,value\r\na|b,\"say \"\"hi\"\", then\tgo\"\r\nplain,1\r\n");
        assert_eq!(t.tsv(), "name\tvalue\na|b\tsay \"hi\", then go\nplain\t1\n");
        assert!(t.html().contains("<caption>A &lt;title&gt;</caption>"));
        assert!(t.html().contains("<td>say &quot;hi&quot;, then\tgo</td>"));
    }
}
