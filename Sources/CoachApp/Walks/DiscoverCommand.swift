import ArgumentParser
import CoachCore

/// `discover [STAGE]`: the four needs-discovery stages.
struct DiscoverCommand: SessionCommand {
  static let configuration = CommandConfiguration(commandName: "discover", abstract: "Walk through a discovery stage.")
  @OptionGroup var global: GlobalOptions
  @Argument(help: "initial-contact, in-depth-interview, needs-confirmation or solution-matching") var stage: String?

  func run(in session: Session) throws(CommandError) {
    let l = session.l
    let plan = try session.requireWritablePlan()
    let book = try session.playbook()
    let chosen: DiscoveryStage
    if let stage {
      guard let s = DiscoveryFlow.stage(stage) else {
        var message = l.t("Unknown stage ‘\(stage)’. Stages: ", "未知阶段 ‘\(stage)’。可用阶段：") + DiscoveryStage.allCases.map(\.rawValue).joined(separator: ", ")
        if let near = Suggest.nearest(to: stage, in: DiscoveryStage.allCases.map(\.rawValue), maxDistance: 4) { message += l.t(" (did you mean \(near)?)", "（你是不是想输入 \(near)？）") }
        throw CommandError(StyledText(message), exitCode: ExitStatus.usage)
      }
      chosen = s
    } else {
      chosen = DiscoveryFlow.firstOpen(in: plan)
    }
    guard let walk = book.walks[chosen.rawValue] else { throw session.missingWalk(chosen.rawValue) }
    session.begin(DiscoveryFlow.make(chosen, walk: walk, plan: plan, l: l))
  }
}
