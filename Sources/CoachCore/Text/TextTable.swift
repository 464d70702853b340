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

  public func render(width: Int) -> StyledText { render(width: width, indent: "") }

  /// `render(width:).indented(indent)`, made at once (indenting every line of a table of
  /// 10,000 rows afterwards was 6 % of a warm `agenda`, callgrind): the same spans.
  public func render(width: Int, indent: String) -> StyledText {
    let cleanRows = rows.map { $0.map { Sanitizer.clean($0, multiline: false) } }
    let widths = columnWidths(cleanRows, width: width)

    var out = StyledText()
    let newline = "\n" + indent
    out.append(indent)
    let header = columns.enumerated().map { i, c in cell(c.title, width: widths[i], alignment: c.alignment, last: i == columns.count - 1) }
    out.append(trimRight(header.joined(separator: "  ")).replacingNewlines(with: newline), .bold)
    out.append(newline)
    out.append(trimRight(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")), .dim)
    // Each line is put together on its bytes: cells padded, joined by the gap and trimmed as
    // `cell`, `joined` and `trimRight` do it (measured with callgrind over a warm `agenda` of
    // 10,000 plans: padding with `String(repeating:)`, joining and trimming by characters
    // were a quarter of the table's instructions).
    var line: [UInt8] = []
    for (r, row) in cleanRows.enumerated() {
      let wrapped = columns.indices.map { i -> [String] in
        let text = i < row.count ? row[i] : ""
        return text.isEmpty ? [""] : Wrap.lines(text, width: widths[i], minimum: 2)
      }
      let height = wrapped.map { $0.count }.max() ?? 1
      for lineIndex in 0..<height {
        line.removeAll(keepingCapacity: true)
        for i in columns.indices {
          if i > 0 {
            line.append(0x20)
            line.append(0x20)
          }
          appendCell(
            lineIndex < wrapped[i].count ? wrapped[i][lineIndex] : "", width: widths[i], alignment: columns[i].alignment,
            last: i == columns.count - 1, to: &line)
        }
        // No line of cells holds a line feed (cleaned without `multiline`): none to indent.
        out.append(newline)
        out.append(Self.trimmedRight(line), r < rowStyles.count ? rowStyles[r] : .plain)
      }
    }
    return out
  }

  /// The width of each column for rows already cleaned: each as wide as its widest cell when
  /// the table fits. Otherwise the widest column that can give way narrows first, but no column
  /// narrower than its longest word (a name, an id, a term) while the others can still give way:
  /// a word is broken inside only when it is wider than its column can ever be.
  func columnWidths(_ cleanRows: [[String]], width: Int) -> [Int] {
    let gap = 2
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
    // The longest words are measured only for a table that does not fit (a `list` of 10,000
    // plans in a wide terminal pays nothing for them).
    guard widths.reduce(0, +) > available else { return widths }
    let wordFloors = columns.indices.map { i -> Int in
      guard columns[i].alignment == .left, widths[i] > floors[i] else { return floors[i] }
      var longest = 0
      for row in cleanRows where i < row.count && !row[i].isEmpty {
        longest = max(longest, Wrap.longestToken(row[i]))
      }
      return min(widths[i], max(floors[i], longest))
    }
    // A title is cut (`Influen…`) before a word of a cell is broken.
    let titleFloors = columns.indices.map { i in min(widths[i], max(wordFloors[i], DisplayWidth.of(columns[i].title))) }
    Self.narrow(&widths, to: available, floors: titleFloors)
    Self.narrow(&widths, to: available, floors: wordFloors)
    Self.narrow(&widths, to: available, floors: floors)
    return widths
  }

  /// Takes a column from the widest column above its floor until the widths fit `available`.
  private static func narrow(_ widths: inout [Int], to available: Int, floors: [Int]) {
    var total = widths.reduce(0, +)
    while total > available {
      guard let widest = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] }) else { return }
      widths[widest] -= 1
      total -= 1
    }

  }

  /// `cell(text, …)` appended to `line` as UTF-8.
  private func appendCell(_ text: String, width: Int, alignment: Alignment, last: Bool, to line: inout [UInt8]) {
    var w = DisplayWidth.of(text)
    var t = text
    if w > width {
      t = DisplayWidth.truncate(text, to: width)
      w = DisplayWidth.of(t)
    }
    switch alignment {
    case .left:
      line.append(contentsOf: t.utf8)
      if !last && w < width { line.append(contentsOf: repeatElement(0x20, count: width - w)) }
    case .right:
      if w < width { line.append(contentsOf: repeatElement(0x20, count: width - w)) }
      line.append(contentsOf: t.utf8)
    }
  }

  /// The line without its trailing spaces, as `trimRight` gives it: spaces are dropped byte by
  /// byte while the scalar before them cannot join a space into one character (only a
  /// prepended mark, U+0600 and above, can); otherwise by characters.
  static func trimmedRight(_ line: [UInt8]) -> String {
    var end = line.count
    while end > 0, line[end - 1] == 0x20 { end -= 1 }
    if end < line.count, end > 0, line[end - 1] >= 0x80 {
      var start = end - 1
      while start > 0, line[start] & 0xC0 == 0x80 { start -= 1 }
      var v = UInt32(line[start]) & (end - start == 2 ? 0x1F : end - start == 3 ? 0x0F : 0x07)
      for k in (start + 1)..<end { v = v << 6 | UInt32(line[k] & 0x3F) }
      if v >= 0x600 && !DisplayWidth.isCommonWide(v) {
        var s = String(decoding: line, as: UTF8.self)
        while s.hasSuffix(" ") { s.removeLast() }
        return s
      }
    }
    return String(decoding: line[0..<end], as: UTF8.self)
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
