/// The customer's follow-up on screen: their new words, and what the rep's reply is scored as.
extension DrillView {
  /// "The customer pushes back:" and the line, then the question to answer.
  public func followUpPrompt(_ customer: String, scoredAs step: String, speaker: String?) -> StyledText {
    var out = StyledText((speaker.map { $0 + l.t(" comes back:", "接着说：") } ?? l.t("The customer comes back:", "客户接着说：")), .bold)
    out.append("\n" + Wrap.text("“" + customer + "”", width: width, indent: "  "))
    out.append(
      "\n" + Wrap.text(l.t("Your reply (scored as ", "你的回应（按“") + labels.step(step) + l.t("):", "”评分）："), width: width), .bold)
    return out
  }

  /// The customer's line shown in a follow-up reply's report (`step`), above the rep's words.
  public func followUpLine(_ customer: String, indent: String = "") -> String {
    Wrap.text(l.t("The customer came back: ", "客户接着说：") + "“" + customer + "”", width: width, indent: indent)
  }

  /// What `?` shows in a follow-up turn: the help of the step the reply is scored as.
  public func followUpHelp(_ scenario: DrillScenario, scoredAs step: String) -> StyledText {
    if let i = scenario.stepIDs.firstIndex(of: step) { return help(scenario, index: i) }
    var s = scenario
    s.kind = step == "give-and-get" ? .negotiation : s.kind
    if let i = s.stepIDs.firstIndex(of: step) { return help(s, index: i) }
    return StyledText(l.t("Answer the customer; your reply is scored by the rubric's “", "回应客户；你的回答按评分标准中的“") + labels.step(step) + l.t("” checks.", "”检查评分。"))
  }
}
