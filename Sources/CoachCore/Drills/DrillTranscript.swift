/// A drill as it is saved in `<workspace>/sessions/`: who was drilled, on which scenario, what
/// they wrote at each step, how each step scored (checks with the rep's own words as evidence),
/// and any trainer's override and comment. Published as `schema/drill-transcript.schema.json`.
/// Keys this version does not know are kept, as in plans.

public enum DrillKind: String, PlanEnum { case objection, questions, negotiation }
public enum DrillMode: String, PlanEnum { case train, exam }
/// A question drill's task: write a question of a type, or name the type of a question.
public enum DrillTask: String, PlanEnum { case write, name }
/// Where a scenario came from: the playbook's drills, or the open plan.
public enum DrillSource: String, PlanEnum { case playbook, plan }
/// A trainer's review of a step's automatic score: kept, changed, or not earned (counts 0).
public enum ReviewVerdict: String, PlanEnum { case accepted, adjusted, rejected }

/// What the rep is asked to answer.
public struct DrillScenario: JSONRecord {
  public var kind: DrillKind
  public var id: String
  public var source: DrillSource
  public var category: ObjectionCategory?
  public var task: DrillTask?
  /// For `write`: the type asked for; for `name`: the right answer.
  public var questionType: QuestionType?
  public var context: String?
  /// The customer's words (objection, negotiation), the question to name, or the situation to
  /// write a question for.
  public var text: String
  /// Who says it, when the scenario is voiced by a person of the plan.
  public var speaker: String?
  /// The plan's id, for scenarios taken from a plan.
  public var plan: String?
  public var extra: [String: JSONValue]

  public init(kind: DrillKind, id: String, source: DrillSource = .playbook, text: String) {
    self.kind = kind
    self.id = id
    self.source = source
    self.text = text
    extra = [:]
  }

  /// The steps the rep answers, by rubric step id.
  public var stepIDs: [String] {
    switch kind {
    case .objection: return LSCPAStep.allCases.map(\.rawValue)
    case .questions: return task == .name ? ["name"] : ["question"]
    case .negotiation: return ["give-and-get"]
    }
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    guard let kind = try f.enumeration("kind", DrillKind.self) else { throw PlanFormatError(path: f.at("kind"), "missing: every scenario has a kind", "缺少：每个场景都要有种类（kind）") }
    self.kind = kind
    guard let id = try f.string("id"), !id.isEmpty else { throw PlanFormatError(path: f.at("id"), "missing: every scenario has an id", "缺少：每个场景都要有 id") }
    self.id = id
    source = try f.enumeration("source", DrillSource.self) ?? .playbook
    category = try f.enumeration("category", ObjectionCategory.self)
    task = try f.enumeration("task", DrillTask.self)
    questionType = try f.enumeration("questionType", QuestionType.self)
    context = try f.string("context")
    text = try f.string("text") ?? ""
    speaker = try f.string("speaker")
    plan = try f.string("plan")
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o.set("kind", kind)
    o["id"] = id
    o.set("source", source)
    o.set("category", category)
    o.set("task", task)
    o.set("questionType", questionType)
    o["context"] = context
    o["text"] = text
    o["speaker"] = speaker
    o["plan"] = plan
    return o.json
  }
}

/// One check of one step: its id in the rubric, whether it passed, the rep's words that decided.
public struct DrillCheckRecord: JSONRecord {
  public var id: String
  public var passed: Bool
  public var evidence: [String]
  public var extra: [String: JSONValue] = [:]

  public init(id: String, passed: Bool, evidence: [String]) {
    self.id = id
    self.passed = passed
    self.evidence = evidence
  }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    id = try f.string("id") ?? ""
    passed = try f.bool("passed") ?? false
    evidence = try f.strings("evidence")
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o["id"] = id
    o.set("passed", passed)
    o.set("evidence", strings: evidence, keepEmpty: true)
    return o.json
  }
}

/// One step of a drill: what the rep wrote and how it scored.
public struct DrillStepRecord: JSONRecord {
  public var step: String
  public var text: String
  /// Strategy ids chosen before the Process line (objection drills).
  public var strategies: [String]
  public var checks: [DrillCheckRecord]
  /// The automatic score, 0–2.
  public var score: Int
  /// The trainer's score, 0–2, when it differs from the automatic one.
  public var override: Int?
  public var comment: String?
  public var answeredAt: String?
  public var reviewedAt: String?
  /// Who reviewed the step afterwards (`drill review`), and what they made of the automatic score.
  public var reviewedBy: String?
  public var verdict: ReviewVerdict?
  public var extra: [String: JSONValue] = [:]

  public init(step: String, text: String, strategies: [String] = [], answeredAt: String?) {
    self.step = step
    self.text = text
    self.strategies = strategies
    self.answeredAt = answeredAt
    checks = []
    score = 0
  }

  /// The score that counts: the trainer's when there is one.
  public var finalScore: Int { override ?? score }

  public init(json: JSONValue, path: String) throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    guard let step = try f.string("step"), !step.isEmpty else { throw PlanFormatError(path: f.at("step"), "missing: every step names its rubric step", "缺少：每一步都要写明对应的评分步骤") }
    self.step = step
    text = try f.string("text") ?? ""
    strategies = try f.strings("strategies")
    checks = try f.records("checks", DrillCheckRecord.self)
    score = try f.int("score", in: 0...2) ?? 0
    override = try f.int("override", in: 0...2)
    comment = try f.string("comment")
    answeredAt = try f.string("answeredAt")
    reviewedAt = try f.string("reviewedAt")
    reviewedBy = try f.string("reviewedBy")
    verdict = try f.enumeration("verdict", ReviewVerdict.self)
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o["step"] = step
    o["text"] = text
    o.set("strategies", strings: strategies, keepEmpty: true)
    o.set("checks", records: checks)
    o.set("score", score)
    o.set("override", override)
    o["comment"] = comment
    o["answeredAt"] = answeredAt
    o["reviewedAt"] = reviewedAt
    o["reviewedBy"] = reviewedBy
    o.set("verdict", verdict)
    return o.json
  }
}

/// The drill's result: points out of 2 per step, in percent, against the pass mark — the
/// automatic score, and the score with the trainer's overrides when there are any.
public struct DrillTotals: Equatable, Sendable {
  public var steps: Int
  public var points: Int
  public var maxPoints: Int
  public var percent: Int
  public var passed: Bool
  public var overrides: Int
  public var trainerPoints: Int?
  public var trainerPercent: Int?
  public var trainerPassed: Bool?

  /// Unanswered steps count as 0: a drill left half-way scores what it earned of the whole.
  public init(steps records: [DrillStepRecord], expectedSteps: Int, passMark: Int) {
    steps = max(expectedSteps, records.count)
    maxPoints = 2 * steps
    points = records.map(\.score).reduce(0, +)
    percent = DrillTotals.percent(points, of: maxPoints)
    passed = DrillTotals.passes(points, of: maxPoints, mark: passMark)
    overrides = records.filter { $0.override != nil }.count
    if overrides > 0 {
      let final = records.map(\.finalScore).reduce(0, +)
      trainerPoints = final
      trainerPercent = DrillTotals.percent(final, of: maxPoints)
      trainerPassed = DrillTotals.passes(final, of: maxPoints, mark: passMark)
    }
  }

  /// Rounded half up, in whole percent.
  public static func percent(_ points: Int, of maxPoints: Int) -> Int {
    guard maxPoints > 0 else { return 0 }
    return (points * 200 + maxPoints) / (2 * maxPoints)
  }

  /// Compared exactly (not after rounding): 7 of 10 passes a mark of 70.
  public static func passes(_ points: Int, of maxPoints: Int, mark: Int) -> Bool {
    maxPoints > 0 && points * 100 >= mark * maxPoints
  }

  /// The percent and verdict that count: the trainer's when they changed anything.
  public var finalPercent: Int { trainerPercent ?? percent }
  public var finalPassed: Bool { trainerPassed ?? passed }

  public var json: JSONValue {
    var o = JSONObjectBuilder()
    o.set("steps", steps)
    o.set("points", points)
    o.set("maxPoints", maxPoints)
    o.set("percent", percent)
    o.set("passed", passed)
    o.set("overrides", overrides)
    o.set("trainerPoints", trainerPoints)
    o.set("trainerPercent", trainerPercent)
    o.set("trainerPassed", trainerPassed)
    return o.json
  }
}

/// One saved drill.
public struct DrillTranscript: JSONRecord {
  public static let currentSchemaVersion = 1
  public static let formatName = "coach-drill"

  public var schemaVersion: Int
  /// The file name without `.json`.
  public var id: String
  public var rep: String
  public var trainer: String?
  public var lang: Lang
  public var mode: DrillMode
  public var passMark: Int
  /// The seed of a random pick, so it can be repeated.
  public var seed: Int?
  public var scenario: DrillScenario
  public var startedAt: String
  public var finishedAt: String?
  /// True once every step was answered (and, in trainer mode, reviewed).
  public var completed: Bool
  public var steps: [DrillStepRecord]
  /// The totals as recorded when the drill was saved (re-scoring may differ after a rubric change).
  public var recordedTotals: JSONValue?
  public var extra: [String: JSONValue]

  public init(id: String, rep: String, trainer: String?, lang: Lang, mode: DrillMode, passMark: Int, seed: Int?, scenario: DrillScenario, startedAt: Timestamp) {
    schemaVersion = Self.currentSchemaVersion
    self.id = id
    self.rep = rep
    self.trainer = trainer
    self.lang = lang
    self.mode = mode
    self.passMark = passMark
    self.seed = seed
    self.scenario = scenario
    self.startedAt = startedAt.description
    completed = false
    steps = []
    extra = [:]
  }

  /// The totals of the steps as they stand now.
  public var totals: DrillTotals { DrillTotals(steps: steps, expectedSteps: expectedSteps, passMark: passMark) }

  /// The recorded automatic percent, if the file has one.
  public var recordedPercent: Int? { recordedTotals?["percent"]?.int }
  public var recordedTrainerPercent: Int? { recordedTotals?["trainerPercent"]?.int }

  public init(json: JSONValue, path: String = "") throws(PlanFormatError) {
    var f = try JSONFields(json, path: path)
    guard let version = try f.int("schemaVersion") else {
      throw PlanFormatError(path: f.at("schemaVersion"), "missing: every transcript states its schemaVersion", "缺少：每份练习记录都要写明 schemaVersion")
    }
    schemaVersion = version
    if let format = try f.string("format"), format != Self.formatName {
      throw PlanFormatError(path: f.at("format"), "\"\(format)\" is not a drill transcript", "\"\(format)\" 不是练习记录")
    }
    id = try f.string("id") ?? ""
    guard let rep = try f.string("rep"), !rep.trimmingWhitespace.isEmpty else {
      throw PlanFormatError(path: f.at("rep"), "missing: every transcript names the rep", "缺少：每份练习记录都要写明学员")
    }
    self.rep = rep
    trainer = try f.string("trainer")
    guard let langText = try f.string("lang"), let lang = Lang(rawValue: langText) else { throw PlanFormatError(path: f.at("lang"), "expected en or zh", "应为 en 或 zh") }
    self.lang = lang
    mode = try f.enumeration("mode", DrillMode.self) ?? .train
    passMark = try f.int("passMark", in: 0...100) ?? 70
    seed = try f.int("seed")
    guard let scenario = try f.record("scenario", DrillScenario.self) else {
      throw PlanFormatError(path: f.at("scenario"), "missing: every transcript has its scenario", "缺少：每份练习记录都要有对应的场景")
    }
    self.scenario = scenario
    startedAt = try f.string("startedAt") ?? ""
    finishedAt = try f.string("finishedAt")
    completed = try f.bool("completed") ?? false
    steps = try f.records("steps", DrillStepRecord.self)
    recordedTotals = f.value("totals")
    extra = f.extra
  }

  public var json: JSONValue {
    var o = JSONObjectBuilder(extra: extra)
    o.set("schemaVersion", schemaVersion)
    o["format"] = Self.formatName
    o["id"] = id
    o["rep"] = rep
    o["trainer"] = trainer
    o["lang"] = lang.rawValue
    o.set("mode", mode)
    o.set("passMark", passMark)
    o.set("seed", seed)
    o.set("scenario", record: scenario)
    o["startedAt"] = startedAt
    o["finishedAt"] = finishedAt
    o.set("completed", completed)
    o.set("steps", records: steps)
    o.set("totals", totals.json)
    return o.json
  }

  /// The file's text: pretty JSON with sorted keys, as plans are written.
  public var fileText: String { JSONWriter.pretty(json) }

  /// Reads a transcript file's text.
  public static func parse(_ text: String) throws(PlanReadError) -> DrillTranscript {
    let value: JSONValue
    do { value = try JSONParser.parse(text) } catch { throw .syntax(error) }
    do { return try DrillTranscript(json: value) } catch {
      if let version = value["schemaVersion"]?.int, version > currentSchemaVersion { throw .newerVersion(version) }
      throw .format(error)
    }
  }

  /// A file name of safe characters: `20261123T090000Z-ann-price-budget-fixed`. Letters of any
  /// script are kept (a Chinese name stays readable); everything else becomes `-`.
  public static func fileStem(startedAt: Timestamp, rep: String, scenarioID: String) -> String {
    let time = startedAt.description.filter { $0 != "-" && $0 != ":" }
    func slug(_ s: String, _ bytes: Int) -> String {
      guard let made = try? PlanID.make(from: s) else { return "x" }
      var out = ""
      for c in made {
        guard out.utf8.count + c.utf8.count <= bytes else { break }
        out.append(c)
      }
      while out.hasSuffix("-") { out.removeLast() }
      return out.isEmpty ? "x" : out
    }
    return time + "-" + slug(rep, 40) + "-" + slug(scenarioID, 60)
  }
}
