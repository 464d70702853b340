@testable import CoachCore

/// The repository playbook's management walks, loaded once per language, for the flow tests.
enum ManagementTestWalks {
  static let books: [Lang: Playbook] = [.en: Fixtures.playbook(.en), .zh: Fixtures.playbook(.zh)]

  static func walk(_ id: String, _ lang: Lang) -> Walk {
    guard let walk = books[lang]?.walks[id] else { fatalError("the \(lang.rawValue) playbook has no `\(id)` walk") }
    return walk
  }
}
