import ArgumentParser
import CoachCore

/// `negotiate [PART]`: goals, batna, interests, concessions, team — or all five in order.
struct NegotiateCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "negotiate", abstract: "Prepare a negotiation.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "goals, batna, interests, concessions or team") var part: String?

  static let parts = ["goals", "batna", "interests", "concessions", "team"]

  func run(in session: Session) throws(CommandError) {
    let l = session.l
    _ = try session.requireWritablePlan()
    let book = try session.playbook()
    var chosen = NegotiateCommand.parts
    if let part {
      guard let p = NegotiateCommand.part(part) else {
        var message = l.t("Unknown part ‘\(part)’. Parts: ", "未知部分 ‘\(part)’。可用部分：") + NegotiateCommand.parts.joined(separator: ", ")
        if let near = Suggest.nearest(to: part, in: NegotiateCommand.parts, maxDistance: 3) { message += l.t(" (did you mean \(near)?)", "（你是不是想输入 \(near)？）") }
        throw CommandError(StyledText(message), exitCode: ExitStatus.usage)
      }
      chosen = [p]
    }
    let planner = NegotiationPlanner(book: book, l: l, parts: chosen)
    session.begin(planner.flow())
  }

  static func part(_ word: String) -> String? {
    let w = word.lowercased()
    if parts.contains(w) { return w }
    switch w {
    case "目标", "谈判目标", "goal": return "goals"
    case "替代方案": return "batna"
    case "利益", "利益点", "interest": return "interests"
    case "让步", "concession", "ladder": return "concessions"
    case "团队", "分工": return "team"
    default:
      let m = parts.filter { $0.hasPrefix(w) && !w.isEmpty }
      return m.count == 1 ? m[0] : nil
    }
  }
}
