import CoachCore
import CoachTerminal

/// Tab completion in the session: command words, then each command's arguments (plan ids,
/// sections, commands), or whatever the running activity offers (choice options).
extension Session {
  public func completer() -> Completer {
    let box = SessionBox(self)
    return { beforeCursor in box.session?.complete(beforeCursor) ?? .none }
  }

  func complete(_ beforeCursor: String) -> Completion {
    if let activity = activeActivity { return activity.complete(beforeCursor, in: self) }
    return CommandCompletion.complete(beforeCursor, planIDs: { (try? self.repository.ids()) ?? [] }, planOpen: current != nil)
  }
}

/// Lets the completion callback reach the session without making the session Sendable:
/// libedit calls it synchronously on the one thread that runs the session.
final class SessionBox: @unchecked Sendable {
  weak var session: Session?
  init(_ session: Session) { self.session = session }
}

public enum CommandCompletion {
  public static let sections = PlanSection.allCases.map(\.rawValue)

  /// Pure: what Tab offers for the text before the cursor.
  public static func complete(_ beforeCursor: String, planIDs: () -> [String], planOpen: Bool) -> Completion {
    let endsWithSpace = beforeCursor.last == " "
    let words = beforeCursor.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    let current = endsWithSpace ? "" : (words.last ?? "")
    let position = endsWithSpace ? words.count : max(0, words.count - 1)
    let replacing = current.unicodeScalars.count

    if position == 0 {
      return Completion(replacing: replacing, candidates: HelpCatalog.words.filter { $0.hasPrefix(current) }.sorted())
    }
    guard let entry = HelpCatalog.entry(words[0]) else { return .none }
    let options: [String]
    switch entry.argumentWords {
    case .none: options = []
    case .plans: options = position == 1 ? planIDs() : []
    case .sections: options = position == 1 ? sections : []
    case .commands: options = position == 1 ? HelpCatalog.words : []
    case .fixed(let words): options = position == 1 ? words : []
    case .plansThenSections:
      if position == 1 { options = planOpen ? sections : planIDs() + sections } else if position == 2 { options = sections } else { options = [] }
    }
    return Completion(replacing: replacing, candidates: options.filter { $0.hasPrefix(current) }.sorted())
  }
}
