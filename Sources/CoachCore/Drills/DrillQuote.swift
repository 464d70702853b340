/// Finds the rep's own words behind a signal, so evidence is quoted as they wrote it ("Tell me
/// more", not the playbook's "tell me more"). Matching follows `TextMatcher`'s rules — lower
/// case, spaces collapsed, full-width punctuation folded, English phrases on word boundaries —
/// while remembering where each folded character came from.
public enum DrillQuote {
  /// The words of `text` that `phrase` matches, as written; nil when it does not occur.
  public static func words(_ phrase: String, in text: String) -> String? {
    let (folded, origin, original) = fold(text)
    let p = Array(TextMatcher.normalise(phrase).unicodeScalars)
    guard !p.isEmpty, p.count <= folded.count else { return nil }
    let checkStart = TextMatcher.isWordScalar(p[0])
    let checkEnd = TextMatcher.isWordScalar(p[p.count - 1])
    var i = 0
    while i + p.count <= folded.count {
      var same = true
      for k in 0..<p.count where folded[i + k] != p[k] {
        same = false
        break
      }
      if same {
        let j = i + p.count
        let startOK = !checkStart || i == 0 || !TextMatcher.isWordScalar(folded[i - 1])
        let endOK = !checkEnd || j == folded.count || !TextMatcher.isWordScalar(folded[j])
        if startOK && endOK {
          var view = String.UnicodeScalarView()
          view.append(contentsOf: original[origin[i]...origin[j - 1]])
          return String(view)
        }
      }
      i += 1
    }
    return nil
  }

  /// Evidence from the rubric (a phrase, or a built-in test written `(question)`), quoted from
  /// the rep's text.
  public static func evidence(_ raw: String, in text: String, l: L10n) -> String {
    if raw.hasPrefix("("), raw.hasSuffix(")"), let test = Signal.Test(rawValue: String(raw.dropFirst().dropLast())) {
      return forTest(test, in: text, l: l)
    }
    return words(raw, in: text) ?? raw
  }

  /// What a built-in test saw: the closing question or the first figure, as written; the length
  /// or the number of question marks, in brackets (a count, not a quote).
  public static func forTest(_ test: Signal.Test, in text: String, l: L10n) -> String {
    let trimmed = text.trimmingWhitespace
    switch test {
    case .question, .statement: return lastSentence(trimmed)
    case .number: return firstFigure(trimmed) ?? trimmed
    case .amount: return TextMatcher(trimmed).amounts.first.map { words($0, in: trimmed) ?? $0 } ?? trimmed
    case .long:
      let m = TextMatcher(trimmed)
      let wide = trimmed.unicodeScalars.filter { DisplayWidth.isWide($0.value) }.count
      if wide * 2 > m.text.unicodeScalars.count {
        let n = m.text.unicodeScalars.filter { $0 != " " }.count
        return l.t("(\(n) characters)", "（共 \(n) 个字）")
      }
      let n = m.text.split(separator: " ").count
      return l.t("(\(n) words)", "（共 \(n) 个词）")
    case .multiQuestion:
      let n = trimmed.unicodeScalars.filter { $0 == "?" || $0 == "？" }.count
      return l.t("(\(n) question marks)", "（\(n) 个问号）")
    case .overlap, .content, .detailed: return trimmed
    case .specifics:
      let m = TextMatcher(trimmed)
      return firstFigure(trimmed) ?? m.names.first ?? m.tokens.first { TextMatcher.dateWords.contains($0.text) }.flatMap { words($0.text, in: trimmed) } ?? trimmed
    }
  }

  /// The text folded as `TextMatcher` folds it, with the index of each folded scalar's source.
  static func fold(_ text: String) -> ([Unicode.Scalar], [Int], [Unicode.Scalar]) {
    let original = Array(text.unicodeScalars)
    var folded: [Unicode.Scalar] = []
    var origin: [Int] = []
    var lastWasSpace = true
    for (index, scalar) in original.enumerated() {
      for lower in String(scalar).lowercased().unicodeScalars {
        let s = Array(TextMatcher.normalise(String(lower)).unicodeScalars).first ?? lower
        if lower.properties.isWhitespace {
          if !lastWasSpace {
            folded.append(" ")
            origin.append(index)
          }
          lastWasSpace = true
        } else {
          folded.append(s)
          origin.append(index)
          lastWasSpace = false
        }
      }
    }
    return (folded, origin, original)
  }

  static let sentenceEnds: Set<Character> = [".", "!", "?", ";", "。", "！", "？", "；", "\n"]

  /// The sentence the text ends with (the question), shortened from the left when long.
  static func lastSentence(_ text: String) -> String {
    var chars = Array(text)
    guard !chars.isEmpty else { return "" }
    while let last = chars.last, sentenceEnds.contains(last) || last == " " || last == "\"" || last == "”" || last == ")" {
      if last == "?" || last == "？" { break }
      chars.removeLast()
    }
    guard !chars.isEmpty else { return text }
    var start = chars.count - 1
    while start > 0, !sentenceEnds.contains(chars[start - 1]) { start -= 1 }
    var sentence = String(chars[max(0, start)...]).trimmingWhitespace
    if DisplayWidth.of(sentence) > 60 {
      var tail = ""
      for c in sentence.reversed() {
        if DisplayWidth.of(tail) + DisplayWidth.of(c) > 56 { break }
        tail.insert(c, at: tail.startIndex)
      }
      // Start at a word, never inside one ("…rything else"): Latin text drops the cut word.
      let cut = sentence.dropLast(tail.count).last
      if let cut, let first = tail.first, !cut.isWhitespace, !first.isWhitespace, !DisplayWidth.isWide(first.unicodeScalars.first!.value),
        let space = tail.firstIndex(where: \.isWhitespace)
      {
        tail = String(tail[space...])
      }
      sentence = "…" + tail.trimmingWhitespace
    }
    return sentence
  }

  static let chineseNumerals: Set<Character> = ["一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "万", "亿", "半", "几"]
  static let chineseUnits: Set<Character> = [
    "个", "月", "周", "天", "年", "倍", "成", "万", "亿", "元", "次", "家", "人", "期", "季", "点", "分", "小", "时", "%", "台", "套", "条", "项", "百", "千", "日", "号",
  ]

  /// The first figure with its unit: "30 minutes", "12%", "两周", "3个月".
  static func firstFigure(_ text: String) -> String? {
    let chars = Array(text)
    func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber || ("０"..."９").contains(c) }
    if let first = chars.firstIndex(where: isDigit) {
      var end = first
      while end < chars.count, isDigit(chars[end]) || (".,:%/-".contains(chars[end]) && end + 1 < chars.count && (isDigit(chars[end + 1]) || chars[end] == "%")) {
        end += 1
      }
      var out = String(chars[first..<end])
      func isLatinLetter(_ c: Character) -> Bool { c.isLetter && !DisplayWidth.isWide(c.unicodeScalars.first!.value) }
      if end < chars.count, chars[end] == " ", end + 1 < chars.count, isLatinLetter(chars[end + 1]) {
        var word = ""
        var k = end + 1
        while k < chars.count, isLatinLetter(chars[k]) {
          word.append(chars[k])
          k += 1
        }
        out += " " + word
      } else if first >= 2, chars[first - 1] == " ", isLatinLetter(chars[first - 2]) {
        // "week 4", "line 3": the word before names the figure.
        var k = first - 2
        while k > 0, isLatinLetter(chars[k - 1]) { k -= 1 }
        out = String(chars[k..<(first - 1)]) + " " + out
      } else {
        var k = end
        while k < chars.count, k < end + 2, chineseUnits.contains(chars[k]) {
          out.append(chars[k])
          k += 1
        }
      }
      return out
    }
    for i in 0..<max(0, chars.count - 1) where chineseNumerals.contains(chars[i]) && chineseUnits.contains(chars[i + 1]) {
      var end = i
      while end < chars.count, chineseNumerals.contains(chars[end]) || chineseUnits.contains(chars[end]) { end += 1 }
      var start = i
      while start > 0, chineseNumerals.contains(chars[start - 1]) { start -= 1 }
      return String(chars[start..<end])
    }
    return nil
  }
}
