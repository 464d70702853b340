/// Words reps naturally type for an option that are neither its id nor the start of its label:
/// adjective forms and common synonyms (`skeptical`, `sceptical`, `hostile`, `反对`). Each maps
/// to an option id; it counts only where a prompt offers that id.
enum ChoiceSynonyms {
  static let byWord: [String: String] = [
    // Attitudes (relationships.yaml): champion, supporter, neutral, skeptic, blocker.
    "advocate": "champion", "sponsor": "champion", "coach": "champion", "ally": "champion", "拥护": "champion", "拥趸": "champion", "铁杆": "champion",
    "supportive": "supporter", "support": "supporter", "positive": "supporter", "favourable": "supporter", "favorable": "supporter", "friendly": "supporter",
    "in favour": "supporter", "in favor": "supporter", "支持": "supporter", "赞成": "supporter", "友好": "supporter",
    "undecided": "neutral", "indifferent": "neutral", "on the fence": "neutral", "中立": "neutral", "中性": "neutral", "观望": "neutral",
    "skeptical": "skeptic", "sceptical": "skeptic", "sceptic": "skeptic", "doubtful": "skeptic", "wary": "skeptic", "hesitant": "skeptic",
    "怀疑": "skeptic", "疑虑": "skeptic", "犹豫": "skeptic",
    "hostile": "blocker", "opposed": "blocker", "opponent": "blocker", "against": "blocker", "negative": "blocker", "blocking": "blocker",
    "反对": "blocker", "阻挠": "blocker", "敌对": "blocker",
  ]

  /// The option a synonym names, if this prompt offers it.
  static func option(_ word: String, in options: [ChoiceOption]) -> ChoiceOption? {
    guard let id = byWord[word] else { return nil }
    return options.first { $0.id == id }
  }
}
