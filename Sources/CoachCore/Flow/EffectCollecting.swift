/// A flow that handles a line against the context it was given and collects effects as it goes
/// (drill, objection, review): the bookkeeping each of them would otherwise write out again.
protocol EffectCollecting: AnyObject {
  var context: FlowContext { get set }
  var effects: [FlowEffect] { get set }
}

extension EffectCollecting {
  func say(_ text: StyledText) { effects.append(.say(text)) }
  func warn(_ text: StyledText) { effects.append(.warn(text)) }

  /// Takes the context, runs `body` over an empty list and returns what it collected, with
  /// `.done` last when `body` says the flow has ended.
  func collect(_ context: FlowContext, _ body: () -> Bool) -> [FlowEffect] {
    self.context = context
    effects = []
    let ended = body()
    return effects + (ended ? [.done] : [])
  }
}
