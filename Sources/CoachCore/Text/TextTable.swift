/// A table for the terminal: columns sized by display width (CJK counts two), long cells
/// wrapped inside their column, the whole fitted to the available width.
public struct TextTable: Sendable {
  public enum Alignment: Sendable { case left, right }

  public struct Column: Sendable {
    public var title: String
    public var alignment: Alignment
    public var minWidth: Int
    public init(_ title: String, alignment: Alignment = .left, minWidth: Int = 4) {
      self.title = title
      self.alignment = alignment
      self.minWidth = minWidth
    }
  }

  public var columns: [Column]
  public var rows: [[String]]
  /// Optional style per row (e.g. dim for done actions, bad for overdue ones).
  public var rowStyles: [StyledText.Style]

  public init(columns: [Column], rows: [[String]] = [], rowStyles: [StyledText.Style] = []) {
    self.columns = columns
    self.rows = rows
    self.rowStyles = rowStyles
  }

  public mutating func add(_ row: [String], style: StyledText.Style = .plain) {
    rows.append(row)
    rowStyles.append(style)
  }

  public func render(width: Int) -> StyledText {
    let gap = 2
    let cleanRows = rows.map { $0.map { Sanitizer.clean($0, multiline: false) } }
    var widths = columns.map { DisplayWidth.of($0.title) }
    for row in cleanRows {
      for (i, cell) in row.enumerated() where i < widths.count {
        widths[i] = max(widths[i], DisplayWidth.of(cell))
      }
    }
    // Figures (right-aligned columns) are never wrapped or cut: "1,200,000" split over two lines
    // reads as another number. The other columns give way first; when that is not enough the
    // table is wider than the terminal rather than wrong.
    let floors = columns.indices.map { i -> Int in
      guard columns[i].alignment == .right else { return columns[i].minWidth }
      return max(columns[i].minWidth, cleanRows.map { i < $0.count ? DisplayWidth.of($0[i]) : 0 }.max() ?? 0)
    }
    let available = max(20, width) - gap * (columns.count - 1)
    while widths.reduce(0, +) > available {
      guard let widest = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] }) else { break }
      widths[widest] -= 1
    }

    var out = StyledText()
    let header = columns.enumerated().map { i, c in cell(c.title, width: widths[i], alignment: c.alignment, last: i == columns.count - 1) }
    out.append(trimRight(header.joined(separator: "  ")), .bold)
    out.append("\n")
    out.append(trimRight(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")), .dim)
    for (r, row) in cleanRows.enumerated() {
      let wrapped = columns.indices.map { i -> [String] in
        let text = i < row.count ? row[i] : ""
        return text.isEmpty ? [""] : Wrap.lines(text, width: widths[i], minimum: 2)
      }
      let height = wrapped.map(\.count).max() ?? 1
      for lineIndex in 0..<height {
        let parts = columns.indices.map { i in
          cell(lineIndex < wrapped[i].count ? wrapped[i][lineIndex] : "", width: widths[i], alignment: columns[i].alignment, last: i == columns.count - 1)
        }
        out.append("\n")
        out.append(trimRight(parts.joined(separator: "  ")), r < rowStyles.count ? rowStyles[r] : .plain)
      }
    }
    return out
  }

  private func cell(_ text: String, width: Int, alignment: Alignment, last: Bool) -> String {
    let t = DisplayWidth.of(text) > width ? DisplayWidth.truncate(text, to: width) : text
    switch alignment {
    case .left: return last ? t : DisplayWidth.padRight(t, to: width)
    case .right: return DisplayWidth.padLeft(t, to: width)
    }
  }

  private func trimRight(_ s: String) -> String {
    var s = s
    while s.hasSuffix(" ") { s.removeLast() }
    return s
  }
}
