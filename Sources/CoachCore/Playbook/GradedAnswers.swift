/// A step answer a trainer graded 0, 1 or 2 (`answers.yaml`): new answers are compared with these
/// by similarity (`AnswerExamples`), next to the rubric's checks.
public struct GradedAnswer: Sendable, Equatable {
  /// The LSCPA step: listen, sympathize, confirm, process or assure.
  public var step: String
  public var grade: Int
  public var text: String
  /// The objection's category, when the writer gave it.
  public var category: ObjectionCategory? = nil
  /// The customer's words the answer replies to, when the writer gave them (the script writes
  /// them once per objection, on its first answer).
  public var customer: String? = nil
  /// Where it comes from ("g1-en:07": the writer's file and objection), so a measurement can
  /// leave out a writer's own answers.
  public var from: String? = nil

  public init(step: String, grade: Int, text: String, category: ObjectionCategory? = nil, customer: String? = nil, from: String? = nil) {
    self.step = step
    self.grade = grade
    self.text = text
    self.category = category
    self.customer = customer
    self.from = from
  }

  /// The writer's file ("g1-en" of "g1-en:07"), or nil.
  public var writer: String? { from.map { String($0.prefix { $0 != ":" }) } }
}

/// Decoding and checking `answers.yaml`:
///
/// ```yaml
/// module: answers
/// language: en
/// steps:
///   - id: listen
///     graded:
///       - grade: 2
///         text: "Tight in which sense — this quarter's cash, or a cap for the year?"
///         category: price          # optional
///         customer: "…"            # optional: the objection it answers
///         from: g1-en:07           # optional: the writer's file and objection
/// ```
enum GradedAnswerDecoder {
  static let steps = ["listen", "sympathize", "confirm", "process", "assure"]

  static func decode(_ r: NodeReader, into book: inout Playbook, problems: ProblemList) {
    var seen: [String: (step: String, grade: Int, at: YAMLLocation)] = [:]
    for node in r.node["steps"]?.items ?? [] {
      guard let s = NodeReader(node, what: Bilingual("a step of graded answers", "评分示例的步骤"), keys: ["id", "graded"], problems: problems) else { continue }
      // Any id that is not one of the five steps — `listn`, or a step's Chinese name such as
      // `倾听`, which is not even a valid id — gets the list of steps, not the generic id rule.
      if let raw = node["id"]?.scalar?.trimmingWhitespace, !raw.isEmpty, !steps.contains(raw) {
        problems.add(
          node["id"]!.location, "`\(raw)` is not an LSCPA step; expected one of: \(steps.joined(separator: ", "))",
          "`\(raw)` 不是 LSCPA 步骤；可选值：\(steps.joined(separator: "、"))")
        continue
      }
      guard let id = s.id() else { continue }
      if let g = s.node["graded"], g.items == nil {
        _ = s.list("graded") { _ in Optional<Int>.none }  // reports that it should be a list
        continue
      }
      for item in s.node["graded"]?.items ?? [] {
        guard let a = answer(item, step: id, problems: problems) else { continue }
        let key = TextMatcher.normalise(a.text)
        if let first = seen[key + "\u{1}" + id] {
          let same = first.grade == a.grade
          // A trainer's folder (or a flat copy of the playbook) that repeats a built-in answer
          // with the same grade adds nothing: skipped, as a repeated phrase in a list is.
          let here = item["text"]?.location ?? item.location
          if same, here.file != first.at.file { continue }
          problems.add(
            item["text"]?.location ?? item.location,
            same
              ? "this graded answer is already listed for `\(id)` (\(first.at.file):\(first.at.line)); remove one"
              : "this answer is also listed for `\(id)` with grade \(first.grade) (\(first.at.file):\(first.at.line)); one answer may have one grade only",
            same
              ? "这条评分示例在 `\(id)` 下已经有了（\(first.at.file):\(first.at.line)）；请删去一条"
              : "这条回答在 `\(id)` 下也列过，评分为 \(first.grade)（\(first.at.file):\(first.at.line)）；一条回答只能有一个评分")
          continue
        }
        seen[key + "\u{1}" + id] = (id, a.grade, item["text"]?.location ?? item.location)
        book.gradedAnswers.append(a)
      }
    }
    r.checkUniqueIDs("steps", what: Bilingual("step", "步骤"))
  }

  static func answer(_ node: YAMLNode, step: String, problems: ProblemList) -> GradedAnswer? {
    guard let r = NodeReader(node, what: Bilingual("a graded answer", "评分示例"), keys: ["grade", "text", "category", "customer", "from"], problems: problems) else { return nil }
    // A blank `text` is reported once, as blank (not also as missing).
    let blank = node["text"]?.scalar.map { $0.trimmingWhitespace.isEmpty } ?? false
    let text = r.text("text", required: !blank, meaning: Bilingual("what the rep says", "销售代表说的话"))
    if blank, let t = node["text"] {
      problems.add(t.location, "`text` of a graded answer is empty", "评分示例的 `text` 是空的")
    }
    var grade: Int? = nil
    if let g = node["grade"], let s = g.scalar, !s.isEmpty {
      if let n = Int(s), (0...2).contains(n) {
        grade = n
      } else {
        problems.add(g.location, "`grade` should be 0, 1 or 2, found `\(s)`", "`grade` 应为 0、1 或 2，实际是 `\(s)`")
      }
    } else {
      r.missing("grade", Bilingual("0, 1 or 2", "0、1 或 2"))
    }
    let category = r.enumeration("category", ObjectionCategory.self, allowed: ObjectionCategory.allCases.map(\.rawValue))
    guard let text, !text.trimmingWhitespace.isEmpty, let grade else { return nil }
    return GradedAnswer(step: step, grade: grade, text: text, category: category, customer: r.text("customer"), from: r.text("from"))
  }
}
