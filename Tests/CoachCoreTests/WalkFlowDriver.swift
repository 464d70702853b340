@testable import CoachCore

/// Plays a session for one walk flow: starts it, feeds it `lines` with the session's plan as
/// context and carries out every edit on that plan, as the session does. Returns every effect.
/// (The management and stakeholder flow tests each had their own copy of this loop.)
enum WalkFlowDriver {
  static func play(_ flow: WalkFlow, _ lines: [String], plan: inout AccountPlan, stamp: Timestamp, context: (AccountPlan) -> FlowContext) -> [FlowEffect] {
    var effects = flow.start(context(plan))
    for line in lines {
      let step = flow.accept(line, context(plan))
      for case .edit(let edit) in step { edit.change(&plan, stamp.description) }
      effects += step
    }
    return effects
  }
}
