/// An exam's random pick, made for a given rep: among the scenarios the rep has not had in the
/// last 30 days (`DrillRecency`), then by the seed. When the rep is not known before the drill
/// starts (a trainer at the screen without `--rep`), the drill asks for the name first and picks
/// after, so "not seen recently" always applies to the rep who sits the exam. Pure: the saved
/// drills and the moment are given.
public struct DrillExamPool: Sendable {
  /// The scenarios the exam may pick from (kind and category already applied).
  public var list: [DrillScenario]
  public var kind: DrillKind
  /// The saved drills the recency is read from (every rep's; the rep's own are used).
  public var history: [DrillTranscript]
  public var seed: Int

  public init(list: [DrillScenario], kind: DrillKind, history: [DrillTranscript], seed: Int) {
    self.list = list
    self.kind = kind
    self.history = history
    self.seed = seed
  }

  /// The scenarios to pick from for `rep`, and a line that says how they were chosen (nil when
  /// the rep had none of them recently).
  public func candidates(rep: String, now: Timestamp, l: L10n) -> ([DrillScenario], StyledText?) {
    guard !list.isEmpty else { return (list, nil) }
    let seen = DrillRecency.lastSeen(history, rep: rep, kind: kind)
    let choice = DrillRecency.notRecent(list, lastSeen: seen, now: now)
    guard choice.recent > 0 else { return (list, nil) }
    let days = DrillRecency.days
    let note: String
    if choice.allRecent {
      let day = choice.candidates.first.flatMap { seen[$0.id] }.map { $0.day.description } ?? ""
      note = l.t(
        "\(rep) has had every one of these \(list.count) scenarios in the last \(days) days; the exam picks from those had longest ago (\(day)).",
        "\(rep) 在最近 \(days) 天内已经练过全部 \(list.count) 个场景；考核从最早练过的场景（\(day)）中抽取。")
    } else {
      note = l.t(
        "The exam picks from the \(choice.candidates.count) of \(list.count) scenarios \(rep) has not had in the last \(days) days.",
        "考核从 \(rep) 最近 \(days) 天内没有练过的 \(choice.candidates.count) 个场景（共 \(list.count) 个）中抽取。")
    }
    return (choice.candidates, StyledText(note, .dim))
  }

  /// The scenario `rep`'s exam gets, and the recency line; nil when the list is empty.
  public func pick(rep: String, now: Timestamp, l: L10n) -> (DrillScenario, StyledText?)? {
    let (candidates, note) = candidates(rep: rep, now: now, l: l)
    return DrillScenarios.pick(candidates, seed: seed).map { ($0, note) }
  }
}
