import ArgumentParser
import CoachCore

/// `objection [CATEGORY | N]`, `objection resolve|reopen|remove N`.
struct ObjectionCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "objection", abstract: "Log an objection and plan the LSCPA answer.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "A category, an objection's number, or resolve/reopen/remove N.") var words: [String] = []

  func run(in session: Session) throws(CommandError) {
    let l = session.l
    let book = try session.playbook()
    let plan = try session.requireWritablePlan()
    let first = words.first?.lowercased()
    switch first {
    case "resolve", "reopen", "remove", "解决", "重开", "删除":
      guard let n = words.dropFirst().first.flatMap({ Int($0) }), (1...max(1, plan.objections.count)).contains(n), !plan.objections.isEmpty else {
        throw CommandError(
          StyledText(l.t("Give the objection's number, e.g. `objection resolve 1` (`objection` lists them).", "请写出异议编号，例如 `objection resolve 1`（用 `objection` 查看列表）。")),
          exitCode: ExitStatus.usage)
      }
      let i = n - 1
      switch first {
      case "remove", "删除":
        try session.change(l.t("removed objection \(n)", "删除异议 \(n)")) { $0.objections.remove(at: i) }
        session.acknowledge(StyledText(l.t("Removed objection #\(n). `undo` brings it back.", "已删除异议 #\(n)。用 `undo` 可恢复。")))
      default:
        let resolved = first == "resolve" || first == "解决"
        try session.change(l.t("objection \(n) \(resolved ? "resolved" : "reopened")", "异议 \(n) \(resolved ? "已解决" : "重新打开")")) {
          $0.objections[i].status = resolved ? .resolved : .open
        }
        session.acknowledge(StyledText(resolved ? l.t("Objection #\(n) is resolved.", "异议 #\(n) 已标记为解决。") : l.t("Objection #\(n) is open again.", "异议 #\(n) 已重新打开。"), .good))
      }
    case let word? where Int(word) != nil:
      let n = Int(word)!
      guard (1...max(1, plan.objections.count)).contains(n), !plan.objections.isEmpty else {
        throw CommandError(StyledText(l.t("There is no objection #\(n); `objection` lists them.", "没有异议 #\(n)；用 `objection` 查看列表。")), exitCode: ExitStatus.noInput)
      }
      session.begin(ObjectionFlow(book: book, signals: session.signals(), l: l, index: n - 1, category: nil, plan: plan))
    case let word?:
      guard let category = ObjectionCommand.category(word) else {
        // A misspelt action (`objection resolv 1`) or category gets the nearest word.
        let actions = ["resolve", "reopen", "remove"]
        let near = Suggest.nearest(to: word, in: actions + ObjectionCategory.allCases.map(\.rawValue), maxDistance: 2)
        if let near, actions.contains(near) {
          let rest = words.dropFirst().joined(separator: " ")
          throw CommandError(
            StyledText(
              l.t(
                "Unknown word ‘\(word)’ — did you mean `objection \(near)\(rest.isEmpty ? " N" : " " + rest)`?",
                "未知词 ‘\(word)’——你是不是想输入 `objection \(near)\(rest.isEmpty ? " 编号" : " " + rest)`？")), exitCode: ExitStatus.usage)
        }
        var message = l.t("Unknown category ‘\(word)’: use price, time, risk or decision, or an objection's number.", "未知类别 ‘\(word)’：请使用 price、time、risk、decision，或异议编号。")
        if let near { message += l.t(" Did you mean \(near)?", "你是不是想输入 \(near)？") }
        throw CommandError(StyledText(message), exitCode: ExitStatus.usage)
      }
      session.say(ObjectionCommand.overview(plan, book: book, l: l, width: session.output.width, onlyList: true))
      session.begin(ObjectionFlow(book: book, signals: session.signals(), l: l, index: nil, category: category, plan: plan))
    case nil:
      session.say(ObjectionCommand.overview(plan, book: book, l: l, width: session.output.width, onlyList: false))
      session.begin(ObjectionFlow(book: book, signals: session.signals(), l: l, index: nil, category: nil, plan: plan))
    }
  }

  static func category(_ word: String) -> ObjectionCategory? { ObjectionFlow.category(word) }

  /// The categories and the objections already logged for this account.
  static func overview(_ plan: AccountPlan, book: Playbook, l: L10n, width: Int, onlyList: Bool) -> StyledText {
    let labels = Labels(book, l)
    var out = StyledText()
    if !onlyList {
      out.append(l.t("Categories", "异议类别"), .heading)
      for c in book.categories {
        out.append("\n  " + c.name, .bold)
        if let d = c.description { out.append(" — " + DisplayWidth.truncate(d, to: max(20, width - DisplayWidth.of(c.name) - 6)), .dim) }
      }
    }
    if !plan.objections.isEmpty {
      if !out.spans.isEmpty { out.append("\n\n") }
      out.append(l.t("Logged for this account", "本客户已记录的异议"), .heading)
      var t = TextTable(columns: [
        .init("#", alignment: .right, minWidth: 2), .init(l.t("Category", "类别")), .init(l.t("Status", "状态")),
        .init("LSCPA"), .init(l.t("The customer's words", "客户原话"), minWidth: 16),
      ])
      for (i, o) in plan.objections.enumerated() {
        let marks = LSCPAStep.allCases.map { (o.lscpa[$0] ?? "").isEmpty ? "·" : String($0.rawValue.prefix(1)).uppercased() }.joined()
        t.add(
          ["\(i + 1)", labels.category(o.category), o.status == .open ? l.t("open", "未解决") : l.t("resolved", "已解决"), marks, o.statement],
          style: o.status == .resolved ? .dim : .plain)
      }
      out += "\n" + t.render(width: width - 2).indented("  ")
      out.append("\n" + l.t("`objection N` continues one; type new words below to log another.", "用 `objection 编号` 继续某条；在下方输入新的客户原话即可再记录一条。"), .dim)
    }
    return out
  }
}
