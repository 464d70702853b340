/// Several picks typed on one line — strategies by number, example questions by number — the
/// one way every flow reads them: separated by spaces, commas (`,` `，`) or the enumeration
/// comma `、`, full-width digits allowed.
extension AnswerParsing {
  /// The parts of a line of picks: "1 3", "1,3", "1，3", "1、3", "１、３" → ["1", "3"].
  public static func pickParts(_ text: String) -> [String] {
    normalise(text).split(whereSeparator: { $0 == " " || $0 == "," || $0 == "，" || $0 == "、" || $0 == "\t" }).map(String.init)
  }

  /// Every option picked, in the order typed, each once; nil when nothing was typed or a part
  /// names no option (the caller then says which numbers are allowed).
  public static func choices(_ text: String, options: [ChoiceOption]) -> [ChoiceOption]? {
    let parts = pickParts(text)
    guard !parts.isEmpty else { return nil }
    var out: [ChoiceOption] = []
    for part in parts {
      guard let option = choice(part, options: options) else { return nil }
      if !out.contains(where: { $0.id == option.id }) { out.append(option) }
    }
    return out
  }

  /// Numbers typed on one line ("1 3", "2、4"); nil when nothing was typed or a part is not a
  /// whole number.
  public static func numbers(_ text: String) -> [Int]? {
    let parts = pickParts(text)
    guard !parts.isEmpty else { return nil }
    var out: [Int] = []
    for part in parts {
      guard let n = Int(part) else { return nil }
      out.append(n)
    }
    return out
  }
}
