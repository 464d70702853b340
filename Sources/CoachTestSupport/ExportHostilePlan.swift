import CoachCore

extension ExportFixturePlans {
  /// Values that try to break out of Markdown, HTML, CSV or a terminal. Each is used somewhere in
  /// `hostile()`; the tests check that every one comes out as text.
  public static let hostileValues: [String] = [
    "<script>alert('owned')</script>",
    "<img src=x onerror=alert(1)> <a href=\"https://evil.example/\">click</a>",
    "| pipe | in | a | cell |",
    "*star* _under_ **bold** # hash [x](https://evil.example/y) ![pic](https://evil.example/p.png)",
    "- starts like a list",
    "1. starts like a numbered list",
    "> starts like a quote",
    "=== looks like a heading underline",
    "`code` and ```fence``` and ~~strike~~ and $x^2$ math",
    "back\\slash \\*not emphasis\\* &amp; &lt;entity&gt; <!-- comment -->",
    "\"double\" & 'single' quotes {.class} {#id}",
    "red \u{1B}[31mESCAPE\u{1B}[0m and \u{202E}reversed and a bell\u{07}",
    "第一行：价格太高了｜需要再考虑\n第二行  *重点*\n\n    四个空格开头的第三行",
    "=HYPERLINK(\"https://evil.example\",\"click\")",
    "+86 21 5555 0000",
    "-2+3 formula",
    "@SUM(A1:A9)",
  ]

  /// Long text: a 600-character word and a long sentence, to test wrapping and cutting.
  public static let longWord = String(repeating: "Supercalifragilistic", count: 30)
  public static let longSentence = String(repeating: "The customer keeps asking for another discount before the year ends. ", count: 12)

  /// The typical English plan with hostile values in every kind of field.
  public static func hostile() -> AccountPlan {
    let v = hostileValues
    var p = typical(.en)
    p.id = "hostile-co"
    p.name = "Hostile <b>Co</b> | *Ltd* {.x} #1"
    p.account.portrait.answers[.painPoints] = v[11]
    p.account.portrait.answers[.competition] = longSentence
    p.account.notes = v[12]
    p.stakeholders[0].name = v[0]
    p.stakeholders[0].title = v[2]
    p.stakeholders[0].concerns = v[3]
    p.stakeholders[1].name = v[13]
    p.stakeholders[1].title = v[14]
    p.stakeholders[1].concerns = v[4]
    p.stakeholders[2].concerns = v[1]
    p.stakeholders[2].notes = v[15]
    p.stakeholders[3].name = v[16]
    p.stakeholders[3].concerns = longWord
    p.stakeholders[4].concerns = v[12]
    p.discovery.stages[.initialContact]?.answers["company-basics"] = .text(v[5])
    p.discovery.stages[.initialContact]?.answers["industry-background"] = .text(v[6])
    p.discovery.stages[.initialContact]?.answers["key-decision-makers"] = .list([v[7], v[8], v[0]])
    p.discovery.stages[.inDepthInterview]?.answers["core-process"] = .text(longSentence)
    p.discovery.stages[.inDepthInterview]?.answers["root-causes"] = .text(v[9])
    p.questionPlan[0].text = v[10]
    p.questionPlan[2].text = v[3]
    p.objections[0].statement = v[11]
    p.objections[0].raisedBy = v[0]
    p.objections[0].lscpa[.listen] = v[1]
    p.objections[0].lscpa[.sympathize] = v[2]
    p.objections[0].lscpa[.confirm] = v[12]
    p.objections[0].lscpa[.process] = longWord
    p.objections[1].statement = v[4]
    p.negotiation.objectives[1].unit = v[2]
    p.negotiation.objectives[2].note = v[9]
    p.negotiation.batna.ours.description = v[1]
    p.negotiation.batna.theirs.description = v[6]
    p.negotiation.concessions[0].give = v[5]
    p.negotiation.concessions[0].get = v[7]
    p.negotiation.concessions[1].give = v[2]
    p.negotiation.team[0].name = v[16]
    p.negotiation.team[1].name = v[0]
    p.negotiation.commonInterests = [v[3], v[10]]
    p.actions[0].text = v[13]
    p.actions[0].owner = v[15]
    p.actions[1].text = v[12]
    p.actions[1].owner = v[0]
    p.actions[2].text = v[2]
    return p
  }
}
