/// Small building blocks shared by the views: headings, label–value rows, bars.
public enum Blocks {
  public static func heading(_ text: String) -> StyledText { StyledText(text, .heading) }

  /// Label–value lines, labels padded to one column, values wrapped under themselves.
  public static func pairs(_ rows: [(String, String)], width: Int, indent: String = "  ") -> StyledText {
    let labelWidth = min(28, rows.map { DisplayWidth.of(Sanitizer.clean($0.0, multiline: false)) }.max() ?? 0)
    var out = StyledText()
    for (i, (label, value)) in rows.enumerated() {
      if i > 0 { out.append("\n") }
      let cleanLabel = DisplayWidth.truncate(Sanitizer.clean(label, multiline: false), to: labelWidth)
      out.append(indent)
      out.append(DisplayWidth.padRight(cleanLabel, to: labelWidth), .bold)
      out.append("  ")
      let hanging = indent + String(repeating: " ", count: labelWidth + 2)
      let lines = Wrap.lines(Sanitizer.clean(value), width: width - DisplayWidth.of(hanging))
      for (j, line) in lines.enumerated() {
        if j > 0 { out.append("\n" + hanging) }
        out.append(line, value == "—" ? .dim : .plain)
      }
    }
    return out
  }

  /// A horizontal bar of `value` out of `maximum`, `width` cells wide, readable without colour.
  public static func bar(_ value: Double, of maximum: Double, width: Int) -> String {
    guard maximum > 0, maximum.isFinite, width > 0 else { return "" }
    let fraction = value.isFinite ? min(max(value, 0), maximum) / maximum : (value > 0 ? 1 : 0)
    let filled = NumberRange.cell((fraction * Double(width)).rounded(), 0, width)
    return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
  }

  /// "2026-11-23 04:05 UTC" from a stored ISO-8601 time.
  public static func time(_ iso: String?) -> String {
    guard let iso, let t = Timestamp(iso8601: iso) else { return iso ?? "—" }
    let s = t.description
    return String(s.prefix(10)) + " " + String(s.dropFirst(11).prefix(5)) + " UTC"
  }

  /// A number as people write it: no trailing `.0`, thousands separated.
  public static func number(_ n: Double) -> String {
    if n.rounded() == n, abs(n) < 1e15 {
      let digits = String(Int(abs(n)))
      var out = ""
      for (i, c) in digits.enumerated() {
        if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(c)
      }
      return (n < 0 ? "-" : "") + out
    }
    return JSONWriterNumber.short(n)
  }
}

enum JSONWriterNumber {
  static func short(_ n: Double) -> String {
    guard n.isFinite else { return n.isNaN ? "—" : (n > 0 ? "∞" : "-∞") }
    let r = abs(n) < 1e15 ? (n * 100).rounded() / 100 : n
    return JSONWriter.formatNumber(r)
  }
}
