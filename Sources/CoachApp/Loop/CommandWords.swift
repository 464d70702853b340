/// Splits a typed line into the words a command is parsed from. Command and action words are
/// split like a shell would; a free-text argument (a name, an action, a question) is the rest of
/// the line as typed, so an apostrophe is never an error (`stakeholders add Sean O'Brien`). A
/// free text wholly in quotes loses them (`open "Acme Corp"`, as Tab completes it); options the
/// command takes (`--owner NAME`) are still found in it.
enum CommandWords {
  /// A command whose arguments end in free text: how many words come first, and its options.
  struct FreeText {
    var leading: Int
    var options: [String] = []
  }

  /// Which lines end in free text, by their first word(s).
  static func freeText(_ words: [Substring]) -> FreeText? {
    let first = words.first?.lowercased() ?? ""
    let second = words.count > 1 ? words[1].lowercased() : ""
    switch first {
    case "new", "open": return FreeText(leading: 1)
    case "stakeholders" where ["add", "new", "edit", "remove", "delete", "添加", "编辑", "删除", "links", "link", "关系"].contains(second): return FreeText(leading: 2)
    case "actions" where ["add", "添加"].contains(second): return FreeText(leading: 2, options: ["--owner", "--due"])
    case "questions" where ["check", "检查"].contains(second): return FreeText(leading: 2, options: ["--as"])
    case "questions" where ["add", "添加"].contains(second): return FreeText(leading: 3)
    case "config" where second == "set": return FreeText(leading: 3)
    case "deal" where ["competitor", "competitors", "竞争对手"].contains(second) && words.count > 2: return FreeText(leading: 3)
    default: return nil
    }
  }

  static func split(_ line: String) -> [String] {
    let spans = wordSpans(line)
    let words = spans.map { line[$0] }
    guard let rule = freeText(words), spans.count > rule.leading else { return Tokenizer.lenientSplit(line) }
    var out = Tokenizer.lenientSplit(String(line[..<spans[rule.leading - 1].upperBound]))
    var rest = Substring(line[spans[rule.leading].lowerBound...])
    // Options: each takes the text up to the next option (`--owner Sean O'Brien --due Friday`).
    var optionValues: [(String, String)] = []
    var cut: [(name: String, range: Range<String.Index>)] = []
    for span in spans.dropFirst(rule.leading) {
      let word = String(line[span])
      if let name = rule.options.first(where: { word == $0 || word.hasPrefix($0 + "=") }) {
        cut.append((name, span))
      }
    }
    if let firstOption = cut.first {
      rest = line[spans[rule.leading].lowerBound..<firstOption.range.lowerBound]
      for (i, option) in cut.enumerated() {
        let end = i + 1 < cut.count ? cut[i + 1].range.lowerBound : line.endIndex
        let word = line[option.range]
        var value = String(line[option.range.upperBound..<end])
        if word.count > option.name.count { value = String(word.dropFirst(option.name.count + 1)) + value }
        optionValues.append((option.name, unquoted(value.trimmingWhitespace)))
      }
    }
    for (name, value) in optionValues { out += [name, value] }
    var text = unquoted(String(rest).trimmingWhitespace)
    // A `--` typed first is the usual end of options, not part of the text (`-- skip the demo`).
    if text == "--" || text.hasPrefix("-- ") { text = String(text.dropFirst(2)).trimmingWhitespace }
    if !text.isEmpty {
      // A text starting with a dash would be read as an option: `--` marks it as plain text.
      if text.hasPrefix("-") { out.append("--") }
      out.append(text)
    }
    return out
  }

  /// The text without its quotes when it is one quoted word (`"Acme Corp"`), else as typed.
  static func unquoted(_ text: String) -> String {
    guard let q = text.first, q == "\"" || q == "'", text.count >= 2, text.last == q,
      let words = try? Tokenizer.split(text), words.count == 1
    else { return text }
    return words[0]
  }

  /// Where each whitespace-separated word of the line is.
  static func wordSpans(_ line: String) -> [Range<String.Index>] {
    var spans: [Range<String.Index>] = []
    var start: String.Index? = nil
    var i = line.startIndex
    while i < line.endIndex {
      let c = line[i]
      if c == " " || c == "\t" || c == "\u{3000}" {
        if let s = start {
          spans.append(s..<i)
          start = nil
        }
      } else if start == nil {
        start = i
      }
      i = line.index(after: i)
    }
    if let s = start { spans.append(s..<line.endIndex) }
    return spans
  }
}
