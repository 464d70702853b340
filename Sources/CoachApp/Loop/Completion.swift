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
    if let activity = activeActivity {
      // An answer's last word: no space after it (it would end up in the answer).
      var completion = activity.complete(beforeCursor, in: self)
      completion.appendsSpace = false
      return completion
    }
    return CommandCompletion.complete(
      beforeCursor, planIDs: { (try? self.repository.ids()) ?? [] }, planOpen: current != nil,
      planNames: { self.planNames() }, people: { self.current?.plan.stakeholders.map(\.name) ?? [] }, lang: l.lang,
      competitors: { self.current?.plan.deal.competitors.map(\.name) ?? [] })
  }

  /// The display name of each plan in the workspace, by id (at most the first 500 plans; a
  /// plan that cannot be read is left out).
  func planNames() -> [String: String] {
    var names: [String: String] = [:]
    for id in ((try? repository.ids()) ?? []).prefix(500) {
      if let plan = try? repository.load(id: id) { names[id] = plan.name }
    }
    return names
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

  /// The discovery stages' Chinese names, completed in Chinese sessions (`discover 深度⇥`).
  static let chineseStages = ["初步接触", "深度访谈", "需求确认", "方案匹配"]

  /// Pure: what Tab offers for the text before the cursor.
  ///
  /// - `open NAME`: the plans' display names (`planNames`, id → name), matched in any case and
  ///   across spaces; a plan whose name does not match but whose id does offers its id.
  /// - `stakeholders edit|remove NAME`: the open plan's people (`people`), in any case.
  /// - `deal competitor edit|remove NAME`: the open plan's competitors (`competitors`), in any case.
  /// - In Chinese sessions `discover` also offers the stages' Chinese names.
  public static func complete(
    _ beforeCursor: String, planIDs: () -> [String], planOpen: Bool,
    planNames: () -> [String: String] = { [:] }, people: () -> [String] = { [] }, lang: Lang = .en,
    competitors: () -> [String] = { [] }
  ) -> Completion {
    let endsWithSpace = beforeCursor.last == " "
    let words = beforeCursor.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    let current = endsWithSpace ? "" : (words.last ?? "")
    let position = endsWithSpace ? words.count : max(0, words.count - 1)
    let replacing = current.unicodeScalars.count

    if position == 0 {
      return Completion(replacing: replacing, candidates: HelpCatalog.words.filter { $0.hasPrefix(current) }.sorted())
    }
    guard let entry = HelpCatalog.entry(words[0]) else { return .none }
    // Free-text names: everything after the command words, spaces included.
    if entry.name == "open" {
      let typed = rest(of: beforeCursor, after: 1)
      let names = planNames()
      var candidates: [String] = []
      for id in planIDs() {
        if let name = names[id], name.lowercased().hasPrefix(typed.lowercased()) {
          candidates.append(name)
        } else if id.hasPrefix(typed.lowercased()) {
          candidates.append(id)
        }
      }
      return Completion(replacing: typed.unicodeScalars.count, candidates: candidates.sorted())
    }
    if entry.name == "stakeholders", position >= 2, ["edit", "remove", "delete", "编辑", "删除", "links", "link", "关系"].contains(words[1]) {
      let typed = rest(of: beforeCursor, after: 2)
      let matches = people().filter { $0.lowercased().hasPrefix(typed.lowercased()) }
      return Completion(replacing: typed.unicodeScalars.count, candidates: matches)
    }
    // `deal competitor edit|remove NAME`: the open plan's competitors, in any case.
    if entry.name == "deal", position >= 2, ["competitor", "competitors", "竞争对手"].contains(words[1]) {
      if position == 2 { return Completion(replacing: replacing, candidates: DealCommand.competitorWords.filter { $0.hasPrefix(current) }) }
      guard ["edit", "remove", "delete", "编辑", "删除"].contains(words[2]) else { return .none }
      let typed = rest(of: beforeCursor, after: 3)
      return Completion(replacing: typed.unicodeScalars.count, candidates: competitors().filter { $0.lowercased().hasPrefix(typed.lowercased()) })
    }
    if entry.name == "drill", position >= 2, current.hasPrefix("--") {
      let flags: [String: [String]] = [
        "review": ["--pending", "--rep", "--sessions", "--trainer"], "复盘": ["--pending", "--rep", "--sessions", "--trainer"],
        "assigned": ["--rep"], "list": ["--from-plan", "--plan"],
      ]
      let offered =
        flags[words[1]]
        ?? (["rescore", "show", "重新评分", "查看"].contains(words[1]) ? [] : ["--category", "--scenario", "--seed", "--mode", "--rep", "--pass", "--trainer", "--from-plan", "--plan"])
      return Completion(replacing: replacing, candidates: offered.filter { $0.hasPrefix(current) }.sorted())
    }
    if entry.name == "manage", position >= 2 {
      return Completion(replacing: replacing, candidates: ManageCommand.nextWords(words, position: position).filter { $0.hasPrefix(current) }.sorted())
    }
    // The value of an option with fixed words (`portfolio --sort c⇥`).
    if position >= 2, let values = optionValues[entry.name]?[words[position - 1]] {
      return Completion(replacing: replacing, candidates: values.filter { $0.hasPrefix(current) })
    }
    let options: [String]
    switch entry.argumentWords {
    case .none: options = []
    case .plans: options = position == 1 ? planIDs() : []
    case .sections: options = position == 1 ? sections : []
    case .commands: options = position == 1 ? HelpCatalog.words : []
    case .fixed(let words) where entry.name == "discover" && lang == .zh:
      options = position == 1 ? chineseStages + words : []
    case .fixed(let words): options = position == 1 ? words : []
    case .plansThenSections:
      if position == 1 { options = planOpen ? sections : planIDs() + sections } else if position == 2 { options = sections } else { options = [] }
    }
    return Completion(replacing: replacing, candidates: options.filter { $0.hasPrefix(current) }.sorted())
  }

  /// The words an option takes, by command and option.
  static let optionValues: [String: [String: [String]]] = [
    "list": ["--sort": ListCommand.sorts, "--format": ["table", "json"]],
    "agenda": ["--format": AgendaCommand.formats],
    "portfolio": ["--sort": Portfolio.Sort.allCases.map(\.rawValue), "--format": PortfolioCommand.formats],
  ]

  /// The text after the first `count` words (and the spaces after them), as typed.
  static func rest(of line: String, after count: Int) -> String {
    var rest = Substring(line)
    for _ in 0..<count {
      rest = rest.drop { $0 == " " }
      rest = rest.drop { $0 != " " }
    }
    return String(rest.drop { $0 == " " })
  }
}
