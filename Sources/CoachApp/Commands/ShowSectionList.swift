import CoachCore

extension ShowCommand {
  /// The sections `show` takes, for an error message: the ids to type, each with its name in
  /// the reader's language in Chinese (`account（客户概况）、…`), ended as a sentence.
  static func sectionList(_ l: L10n) -> String {
    let ids = PlanSection.allCases
    switch l.lang {
    case .en: return "Sections: " + ids.map(\.rawValue).joined(separator: ", ") + "."
    case .zh: return "可用部分：" + ids.map { "\($0.rawValue)（\(HealthView.sectionName($0, l))）" }.joined(separator: "、") + "。"
    }
  }
}
