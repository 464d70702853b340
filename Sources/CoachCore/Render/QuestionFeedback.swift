/// What `questions check` prints: the type, why, and advice for weak or mismatched questions.
public enum QuestionFeedback {
  /// Classifies with the signals of the question's own language (`signals`, the playbook of
  /// `Lang.detect(text)`), explained in the session's (`book`, in `lang`).
  public static func classify(_ text: String, signals: Playbook, book: Playbook, lang: Lang) -> QuestionClassifier.Result {
    let result = QuestionClassifier(book: signals).classify(text)
    return Lang.detect(text) == lang ? result : QuestionClassifier.explain(result, in: book)
  }

  /// "A question from the playbook to model it on: “…”", in `l`'s language.
  public static func modelLine(_ text: String, l: L10n) -> String {
    l.t("A question from the playbook to model it on: “\(text)”", "可以照着教材里的这个问题改：“\(text)”")
  }

  /// Whether the advice already quotes this model (its rewrite can be the nearest example): then
  /// the model line would say the same question twice.
  public static func repeats(_ model: String, advice: String?) -> Bool {
    guard let advice else { return false }
    // Letters and digits only: the advice may quote it without its question mark.
    func loose(_ s: String) -> String { String(TextMatcher.normalise(s).filter { $0.isLetter || $0.isNumber }) }
    let m = loose(model)
    return !m.isEmpty && loose(advice).contains(m)
  }

  public static func render(_ r: QuestionClassifier.Result, book: Playbook, intended: QuestionType?, l: L10n, width: Int) -> StyledText {
    let labels = Labels(book, l)
    var out = StyledText()
    if let type = r.type {
      out.append(l.t("Type: ", "类型：") + labels.questionType(type), .bold)
      if r.tied { out.append(l.t(" (a close call)", "（难以区分）"), .dim) }
      for reason in r.reasons { out.append("\n" + Wrap.text("• " + reason, width: width, indent: "  ")) }
    } else if r.weaknesses.isEmpty {
      out.append(l.t("No clear type: none of the four types' signals appear.", "无法判断类型：四种问题类型的信号都没有出现。"), .warn)
    }
    // A weak pattern with no type (a closed question) is itself the finding, said once.
    for (i, w) in r.weaknesses.enumerated() {
      out.append((i == 0 && r.type == nil ? "" : "\n") + (w.name ?? w.id), .warn)
      // Closed because of the playbook's closed examples: the nearest one is the evidence.
      if i == 0, r.type == nil { for reason in r.reasons { out.append("\n" + Wrap.text("• " + reason, width: width, indent: "  ")) } }
      if let advice = w.advice { out.append("\n" + Wrap.text(advice, width: width, indent: "  ")) }
      // The advice's rewrite is one fixed example; the playbook's nearest question of the type
      // wanted (open unless another was asked for) is a model closer to this one.
      if w.id == "closed", r.type == nil, let n = r.models[intended ?? .open], !repeats(n.text, advice: w.advice) {
        out.append("\n" + Wrap.text(modelLine(n.text, l: l), width: width, indent: "  "))
      }
    }
    let target = intended ?? (r.weaknesses.isEmpty ? nil : r.type)
    if let target, target != r.type || !r.weaknesses.isEmpty, let info = book.questionType(target), let improve = info.improve {
      out.append("\n" + Wrap.text(l.t("To make it a good \(labels.questionType(target).lowercased()): ", "要写成好的\(labels.questionType(target))：") + improve, width: width), .accent)
    } else if let intended, intended == r.type {
      out.append("\n" + l.t("It reads as the type you meant.", "与你想要的类型一致。"), .good)
    }
    return out
  }
}
