/// Stakeholders and actions as CSV for a CRM import: RFC 4180 (comma-separated, CRLF line ends,
/// a field in double quotes when it holds a comma, quote, CR or LF, quotes doubled), UTF-8
/// without a byte-order mark, one header row of stable English column ids. Printed to a
/// terminal or pipe the lines end in LF instead: coach never prints a raw carriage return.
///
/// One table per export (`--what stakeholders`, the default, or `--what actions`), because a
/// CRM imports contacts and tasks separately. Every row starts with the account's name so rows
/// from several plans can be concatenated.
///
/// Safety: values are passed through `Sanitizer` (control characters and escape sequences are
/// shown as visible text); a value that begins with `=`, `+`, `-` or `@` (after any leading
/// spaces) gets a leading `'` so a spreadsheet shows it as text instead of running it as a
/// formula (CSV injection). Ids (`role`, `attitude`) are the plan's; `*_label` columns carry the
/// playbook's display names in the session's language.
public enum CSVExport {
  public enum Table: String, CaseIterable, Sendable { case stakeholders, actions }

  public static let stakeholderColumns = ["account", "name", "title", "role", "role_label", "influence", "attitude", "attitude_label", "concerns", "notes"]
  public static let actionColumns = ["account", "action", "owner", "due", "done", "overdue", "created_at", "done_at"]

  public static func render(_ table: Table, plan: AccountPlan, labels: Labels, today: CalendarDay, lineEnd: String = "\r\n") -> String {
    switch table {
    case .stakeholders:
      let rows = plan.stakeholders.map { s in
        [
          plan.name, s.name, s.title ?? "", s.role?.rawValue ?? "", s.role.map { labels.role($0) } ?? "",
          s.influence.map(String.init) ?? "", s.attitude?.rawValue ?? "", s.attitude.map { labels.attitude($0) } ?? "",
          s.concerns ?? "", s.notes ?? "",
        ]
      }
      return document(header: stakeholderColumns, rows: rows, lineEnd: lineEnd)
    case .actions:
      let rows = plan.actions.map { a -> [String] in
        let overdue = !a.done && (a.due.flatMap(CalendarDay.init).map { $0 < today } ?? false)
        return [
          plan.name, a.text, a.owner ?? "", a.due ?? "", a.done ? "true" : "false", overdue ? "true" : "false",
          a.createdAt ?? "", a.doneAt ?? "",
        ]
      }
      return document(header: actionColumns, rows: rows, lineEnd: lineEnd)
    }
  }

  public static func document(header: [String], rows: [[String]], lineEnd: String = "\r\n") -> String {
    var out = header.map(field).joined(separator: ",") + lineEnd
    for row in rows { out += row.map(field).joined(separator: ",") + lineEnd }
    return out
  }

  /// One field: neutralised against formula injection, then quoted when it has to be. Every
  /// CSV coach writes (export, portfolio, report) goes through here, so they share one rule: a
  /// text starting with `=`, `+`, `-` or `@` gets a leading `'`; a plain number (`-33`, `12.5`)
  /// is left as it is, so a spreadsheet reads it as the number it is.
  public static func field(_ raw: String) -> String {
    var value = Sanitizer.clean(raw.replacingAll("\r\n", with: "\n"))
    if let first = value.unicodeScalars.first(where: { $0 != " " }), ["=", "+", "-", "@"].contains(first), !isPlainNumber(value) {
      value = "'" + value
    }
    guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
    return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
  }

  /// A number as coach writes one: an optional minus, digits, an optional fraction and
  /// exponent (`-33`, `0.25`, `1e+20`). Nothing a spreadsheet could run as a formula.
  public static func isPlainNumber(_ text: String) -> Bool {
    var s = Substring(text)
    if s.first == "-" { s = s.dropFirst() }
    func digits() -> Int {
      let n = s.prefix { $0.isASCII && $0.isNumber }.count
      s = s.dropFirst(n)
      return n
    }
    guard digits() > 0 else { return false }
    if s.first == "." {
      s = s.dropFirst()
      guard digits() > 0 else { return false }
    }
    if s.first == "e" || s.first == "E" {
      s = s.dropFirst()
      if s.first == "+" || s.first == "-" { s = s.dropFirst() }
      guard digits() > 0 else { return false }
    }
    return s.isEmpty
  }
}

/// The plan's JSON for standard output: the plan file's text, except that characters a
/// terminal must not receive raw (C1 controls, bidirectional and invisible formatting marks)
/// are written as `\uXXXX` escapes — the same JSON value, safe to print. With `-o` the plan
/// file's exact bytes are written instead.
public enum PlanJSONExport {
  public static func terminalSafe(_ fileText: String) -> String {
    guard fileText.unicodeScalars.contains(where: Sanitizer.isUnsafe) else { return fileText }
    var out = String.UnicodeScalarView()
    for s in fileText.unicodeScalars {
      // Structure and escapes are ASCII: an unsafe scalar can only be inside a string.
      if Sanitizer.isUnsafe(s), s.value > 0x7F {
        let hex = String(s.value, radix: 16)
        out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
      } else {
        out.append(s)
      }
    }
    return String(out)
  }
}
