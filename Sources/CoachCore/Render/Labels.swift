/// Display names for plan ids, from the playbook of the chosen language; the id itself when
/// the playbook does not name it (so rendering never fails for lack of a label).
public struct Labels: Sendable {
  public let book: Playbook?
  public let l: L10n

  public init(_ book: Playbook?, _ l: L10n) {
    self.book = book
    self.l = l
  }

  /// The prompt that fills `fills`, in any walk.
  public func prompt(fills: String) -> Prompt? {
    guard let book else { return nil }
    for walk in book.walks.values { if let p = walk.prompts.first(where: { $0.fills == fills }) { return p } }
    for part in book.negotiationParts { if let p = part.prompts.first(where: { $0.fills == fills }) { return p } }
    return nil
  }

  /// The short label of a plan field, e.g. "Purchasing power" for `account.tier`.
  public func field(_ fills: String, fallback: String) -> String { prompt(fills: fills)?.shortLabel ?? fallback }

  /// The label of a choice, e.g. "A — top 20%" for `account.tier` = A.
  public func option(_ fills: String, _ id: String) -> String {
    prompt(fills: fills)?.options.first { $0.id == id }?.label ?? id
  }

  public func optionNote(_ fills: String, _ id: String) -> String? {
    prompt(fills: fills)?.options.first { $0.id == id }?.note
  }

  public func role(_ r: StakeholderRole?) -> String { r.map { book?.role($0)?.name ?? $0.rawValue } ?? "—" }
  public func attitude(_ a: Attitude?) -> String { a.map { book?.attitude($0)?.name ?? $0.rawValue } ?? "—" }
  public func questionType(_ t: QuestionType) -> String { book?.questionType(t)?.name ?? t.rawValue }
  public func category(_ c: ObjectionCategory?) -> String { c.map { book?.category($0)?.name ?? $0.rawValue } ?? "—" }
  public func step(_ s: LSCPAStep) -> String { book?.step(s)?.name ?? s.rawValue }
  public func teamRole(_ r: TeamRole?) -> String { r.map { role in book?.teamRoles.first { $0.id == role }?.name ?? role.rawValue } ?? "—" }
  public func walkTitle(_ id: String) -> String { book?.walks[id]?.title ?? id }

  public func term(_ o: Objective) -> String {
    if o.term == .custom, let label = o.label, !label.isEmpty { return label }
    return book?.term(o.term)?.name ?? o.term.rawValue
  }

  public func strategy(_ id: String, in category: ObjectionCategory?) -> String {
    guard let book else { return id }
    if let category, let s = book.category(category)?.strategies.first(where: { $0.id == id }) { return s.name }
    for c in book.categories { if let s = c.strategies.first(where: { $0.id == id }) { return s.name } }
    return id
  }

  public func valueDimension(_ d: ValueDimension) -> String {
    book?.walks["profile"]?.group(d.rawValue)?.title ?? d.rawValue
  }

  public func criterion(_ d: ValueDimension, _ c: String) -> String {
    field("valueAssessment.\(d.rawValue).\(c)", fallback: c)
  }

  public func portrait(_ area: PortraitArea) -> String {
    field("account.portrait.\(area.rawValue)", fallback: area.rawValue)
  }
}
