extension DrillView {
  /// A failed check's "not found" sentence: what the answer does not do (the built-in tests,
  /// each said as a clause), then the words it looked for — “没有复述客户自己的话，也没有找到“换了我”” /
  /// "does not play back the customer's own words; no sign of “in your position”".
  static func notFound(_ c: DrillScorer.Check, _ l: L10n) -> String {
    var parts = c.missing
    if !c.lookedFor.isEmpty {
      let words = c.lookedFor.joined(separator: l.t(", ", "、"))
      parts.append(parts.isEmpty ? l.t("no sign of ", "没有找到") + words : l.t("no sign of ", "也没有找到") + words)
    }
    return parts.joined(separator: l.t("; ", "，"))
  }
}
