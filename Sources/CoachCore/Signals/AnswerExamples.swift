import Synchronization

/// The playbook's graded step answers (`answers.yaml`), ready to be compared with a new answer:
/// one `ExampleIndex` per LSCPA step (label = the trainer's grade), built once per set of graded
/// answers and shared by every scorer in the process. The nearest graded answers give an
/// expected grade with a confidence; `AnswerExamples.Rule` says when that moves the checklist's
/// score (a failed harm check always keeps 0). Deterministic: the same answers and the same
/// line always give the same neighbours (ties go to the answer listed first).
public struct AnswerExamples: Sendable {
  public let answers: [GradedAnswer]
  /// The playbook's own model lines, graded 2 (see `modelLines`).
  public let models: [GradedAnswer]
  /// The power of the inverse document frequency in the similarity (see `ExampleIndex.idfExponent`
  /// and `Rule.idfExponent`).
  public let idfExponent: Double
  let indexes: [String: ExampleIndex]

  public init(_ answers: [GradedAnswer], models: [GradedAnswer] = [], idfExponent: Double = 1) {
    self.answers = answers
    self.models = models
    self.idfExponent = idfExponent
    var by: [String: [(label: String, text: String)]] = [:]
    for a in answers + models { by[a.step, default: []].append((label: String(a.grade), text: a.text)) }
    indexes = by.mapValues { ExampleIndex($0, idfExponent: idfExponent) }
  }

  /// The graded answers of a playbook together with its own model lines.
  public init(book: Playbook, idfExponent: Double = 1) { self.init(book.gradedAnswers, models: Self.modelLines(book), idfExponent: idfExponent) }

  /// As the shipped rule of the playbook's language compares answers (`Rule.shipped(_:).idfExponent`).
  public init(shipped book: Playbook) { self.init(book: book, idfExponent: Rule.shipped(book.lang).idfExponent) }

  /// The lines the playbook itself holds up as full marks — each step's example per objection
  /// category, the rubric's Better line, each strategy's example (Process) — as answers graded 2:
  /// a line the playbook shows as the model answer is never moved down by the examples.
  public static func modelLines(_ book: Playbook) -> [GradedAnswer] {
    var out: [GradedAnswer] = []
    for step in LSCPAStep.allCases {
      for c in ObjectionCategory.allCases {
        if let line = book.step(step)?.examples[c], !line.isEmpty { out.append(GradedAnswer(step: step.rawValue, grade: 2, text: line, category: c, from: "playbook")) }
      }
      if let better = book.rubric[step.rawValue]?.better, !better.isEmpty { out.append(GradedAnswer(step: step.rawValue, grade: 2, text: better, from: "playbook")) }
    }
    for c in book.categories {
      for s in c.strategies { if let e = s.example, !e.isEmpty { out.append(GradedAnswer(step: "process", grade: 2, text: e, category: c.id, from: "playbook")) } }
    }
    return out
  }

  public var isEmpty: Bool { answers.isEmpty }

  /// What the nearest graded answers expect of a line.
  public struct Expectation: Sendable, Equatable {
    /// The grade with most of the neighbours' similarity.
    public var grade: Int
    /// That grade's share of the neighbours' similarity (0…1).
    public var share: Double
    /// The similarity of the nearest neighbour with that grade.
    public var closest: Double
    /// The neighbours that voted, most similar first.
    public var neighbours: [ExampleIndex.Neighbour]
  }

  /// The `k` nearest graded answers of `step` with similarity ≥ `minSimilarity`, leaving out
  /// answers whose text is in `leavingOut` (a measurement never lets an answer vote for itself).
  public func nearest(step: String, text: String, k: Int, minSimilarity: Double = 0, leavingOut: Set<String> = []) -> [ExampleIndex.Neighbour] {
    guard let index = indexes[step] else { return [] }
    return index.nearest(text, k: k, leavingOut: leavingOut).filter { $0.similarity >= minSimilarity }
  }

  /// The expected grade from neighbours (as `nearest` gives them); nil when none voted.
  public static func expectation(_ near: [ExampleIndex.Neighbour]) -> Expectation? {
    guard let first = near.first else { return nil }
    // The line is one of the examples (the same words): its grade is the whole vote.
    if first.similarity >= SimilarityWeights.sameWords, let g = Int(first.label) {
      return Expectation(grade: g, share: 1, closest: first.similarity, neighbours: near)
    }
    var votes = [0.0, 0.0, 0.0]
    var total = 0.0
    for n in near {
      guard let g = Int(n.label), (0...2).contains(g) else { continue }
      votes[g] += n.similarity
      total += n.similarity
    }
    guard total > 0 else { return nil }
    // Highest share; a tie goes to the grade of the nearest answer among the tied.
    let top = votes.max()!
    let tied = Set((0...2).filter { votes[$0] == top })
    let grade = near.compactMap { Int($0.label) }.first { tied.contains($0) } ?? tied.min()!
    let closest = near.first { Int($0.label) == grade }?.similarity ?? 0
    return Expectation(grade: grade, share: votes[grade] / total, closest: closest, neighbours: near)
  }

  /// When the nearest graded answers may move the checklist's score, and how far.
  public struct Rule: Sendable, Equatable {
    /// How many nearest graded answers vote.
    public var k: Int
    /// Answers less similar than this do not vote.
    public var minSimilarity: Double
    /// The winning grade's share of the vote needed to raise the score (a lowering may ask for
    /// `lowerAgreement`).
    public var agreement: Double
    /// The nearest answer with the winning grade must be at least this similar.
    public var closeEnough: Double
    /// The examples never raise a score above `highest` (2: to full marks; 1: only 0 → 1; 0: never
    /// raise) and never lower it below `lowest` (0: to nothing; 1: only 2 → 1; 2: never lower),
    /// except by the guarded raise `fullMarks`.
    public var highest: Int
    public var lowest: Int
    /// When the examples may give full marks to a line the checks give 1 (nil: never); see `FullMarks`.
    public var fullMarks: FullMarks? = nil
    /// When graded-0 answers agree this strongly, a line the checks give 2 goes to 0, not 1 (nil: one point only).
    public var strongDown: StrongDown? = nil
    /// A lowering may ask for other thresholds than a raise (nil: `agreement` and `closeEnough`).
    public var lowerAgreement: Double? = nil
    public var lowerCloseEnough: Double? = nil
    /// The power of the inverse document frequency when answers are compared (1: plain TF-IDF, as
    /// the objection and question classifiers compare; see `ExampleIndex.idfExponent`).
    public var idfExponent: Double = 1

    /// The guarded raise to 2: the checks gave 1 — or 0 when `fromZero` (round 8) — with every
    /// essential check passed and no harm done,
    /// the graded-2 answers have at least `agreement` of the vote, the nearest of them is at least
    /// `closeEnough` similar, no answer graded 0 or 1 is nearer than that one less `margin`, and
    /// the line has at least `minWords` words (a Chinese character counts half a word) — a stock
    /// phrase ("I understand your concern.", "还有其他的顾虑吗？") never gets full marks by
    /// resembling a good answer. `needs`: per step, checks that must have passed (a Confirm that
    /// does not restate the customer's content, a Process without the chosen strategy, keeps the
    /// checks' score).
    /// Only numbers are stored (the rule is copied into every scorer); the checks are `needs`.
    public struct FullMarks: Sendable, Equatable {
      public var agreement: Double
      public var closeEnough: Double
      public var margin: Double
      public var minWords: Double
      /// The raise also takes a line the checks give 0 (no harm check failed) to 2, under the same guards.
      public var fromZero: Bool
      public init(agreement: Double, closeEnough: Double, margin: Double, minWords: Double, fromZero: Bool = false) {
        self.agreement = agreement
        self.closeEnough = closeEnough
        self.margin = margin
        self.minWords = minWords
        self.fromZero = fromZero
      }

      /// Per step, the checks a line must have passed to be raised to full marks.
      public static let needs: [String: [String]] = ["confirm": ["restates"], "process": ["uses-strategy"]]

      /// Whether a line of `step` whose passed checks are `passed` may be raised to full marks.
      public func allows(step: String, passed: Set<String>) -> Bool { (Self.needs[step] ?? []).allSatisfy { passed.contains($0) } }
    }

    /// Graded-0 answers with at least `agreement` of the vote, the nearest at least `closeEnough` similar.
    public struct StrongDown: Sendable, Equatable {
      public var agreement: Double
      public var closeEnough: Double
      public init(agreement: Double, closeEnough: Double) {
        self.agreement = agreement
        self.closeEnough = closeEnough
      }
    }

    public init(
      k: Int, minSimilarity: Double, agreement: Double, closeEnough: Double, highest: Int = 2, lowest: Int = 0, fullMarks: FullMarks? = nil, strongDown: StrongDown? = nil,
      lowerAgreement: Double? = nil, lowerCloseEnough: Double? = nil, idfExponent: Double = 1
    ) {
      self.idfExponent = idfExponent
      self.k = k
      self.minSimilarity = minSimilarity
      self.agreement = agreement
      self.closeEnough = closeEnough
      self.highest = highest
      self.lowest = lowest
      self.fullMarks = fullMarks
      self.strongDown = strongDown
      self.lowerAgreement = lowerAgreement
      self.lowerCloseEnough = lowerCloseEnough
    }

    /// The shipped rule per language (chosen on tuning data by `GradedExampleTuningTests`' grid,
    /// round 6, and `StepRaiseDump`, rounds 7 and 8; see docs/drill-scoring.md, "Graded example
    /// answers"). Round 8: the one-point raise needs 60 % of the vote and the nearest agreeing
    /// answer 0.18 similar (was 70 %, 0.2; 0.15 gained a little more by leave-one-writer-out but
    /// raised twice as many stock probe lines from 0 to 1); a lowering still needs 70 %, its
    /// nearest answer 0.15 similar in English and 0.2 in Chinese (0.15 cost Chinese development
    /// steps); the guarded raise to full marks also takes a line the checks give 0 (no harm check
    /// failed); graded-0 answers with 70 % of the vote (was 90 %) take a 2 to 0. Every tuning view
    /// gains or holds in both languages; the gamed averages do not rise and no probe reaches 2
    /// (`FullMarksProbeTests`). With the g16–g19 answers merged, the English probe "Your team can
    /// check it out anytime; I'll send the link on Monday." (Assure) reached 2 from 1 under round
    /// 7's raise as well (nearest graded 2 0.166 similar): in English the raise to full marks now
    /// needs the nearest graded 2 at 0.17 (Chinese keeps 0.15: no probe reaches 2 there, and 0.17
    /// cost a fresh3 step).
    ///
    /// Issue 14 (`GradedExampleIDFGrid`, tuning views only): in English answers are compared with
    /// the inverse document frequency's square root (a rare word outweighs a common one less); the
    /// one-point raise needs 70 % of the vote again (60 % raised a sympathy line said before a pitch
    /// from 0), a lowering 60 % (70 % let a gamed fresh3 step rise), and the raise to full marks the
    /// nearest graded 2 at 0.25 (0.17–0.22 let a probe line reach 2): leave-one-writer-out 86.6 →
    /// 88.1 %, dev A, dev B and fresh3 one step each less, gamed averages and probes raised to 1 as
    /// before. Chinese keeps plain TF-IDF: with the square root no thresholds tried gained a point
    /// by leave-one-writer-out without costing fresh3 two steps.
    public static func shipped(_ lang: Lang) -> Rule {
      Rule(
        k: 7, minSimilarity: 0.1, agreement: lang == .en ? 0.7 : 0.6, closeEnough: 0.18, highest: 1, lowest: 0,
        fullMarks: FullMarks(agreement: 0.7, closeEnough: lang == .en ? 0.25 : 0.15, margin: 0, minWords: 10, fromZero: true),
        strongDown: StrongDown(agreement: 0.7, closeEnough: 0.2), lowerAgreement: lang == .en ? 0.6 : 0.7, lowerCloseEnough: lang == .zh ? 0.2 : 0.15,
        idfExponent: lang == .en ? 0.5 : 1)
    }

    /// Round 7's rule, both languages (kept to compare with; see docs/drill-scoring.md, round 7).
    public static let round7 = Rule(
      k: 7, minSimilarity: 0.1, agreement: 0.7, closeEnough: 0.2, highest: 1, lowest: 0,
      fullMarks: FullMarks(agreement: 0.7, closeEnough: 0.15, margin: 0, minWords: 10),
      strongDown: StrongDown(agreement: 0.9, closeEnough: 0.2))

    /// The score after the examples: one point toward the expected grade when they agree
    /// strongly enough and are close enough, within `lowest…highest`; a failed harm check
    /// (`harmed`) keeps 0 whatever the examples say. `words` is the line's length (see
    /// `AnswerExamples.words`), for the guarded raise to full marks.
    public func combine(checklist: Int, harmed: Bool, _ e: Expectation?, words: Double = 0) -> Int {
      guard !harmed, let e else { return harmed ? 0 : checklist }
      if checklist == 1 || (checklist == 0 && fullMarks?.fromZero == true), e.grade == 2, let f = fullMarks, e.share >= f.agreement, e.closest >= f.closeEnough,
        words >= f.minWords,
        (e.neighbours.filter { Int($0.label) != 2 }.map(\.similarity).max() ?? 0) <= e.closest - f.margin
      {
        return 2
      }
      let lowering = e.grade < checklist
      let (needShare, needClose) = lowering ? (lowerAgreement ?? agreement, lowerCloseEnough ?? closeEnough) : (agreement, closeEnough)
      guard e.share >= needShare, e.closest >= needClose, e.grade != checklist else { return checklist }
      if e.grade > checklist, checklist + 1 <= highest { return checklist + 1 }
      if e.grade < checklist, checklist - 1 >= lowest {
        if checklist == 2, e.grade == 0, let d = strongDown, e.share >= d.agreement, e.closest >= d.closeEnough, lowest == 0 { return 0 }
        return checklist - 1
      }
      return checklist
    }
  }

  /// A line's length for `Rule.FullMarks`: its words, a Chinese character counting half a word.
  public static func words(_ text: String) -> Double {
    var n = 0.0
    for t in Tokenizer.tokens(TextMatcher.normalise(text)) {
      switch t.kind {
      case .word: n += 1
      case .cjk: n += 0.5
      case .punct: break
      }
    }
    return n
  }

  /// Indexes built once per playbook (usually one per language and process), found again by the
  /// graded answers' array identity first, so a scorer finds its playbook's index without
  /// hashing the texts again.
  static let cache = Mutex<[AnswerExamples]>([])

  public static func cached(_ book: Playbook, idfExponent: Double = 1) -> AnswerExamples {
    let models = modelLines(book)
    if let hit = cache.withLock({ c in c.first { $0.idfExponent == idfExponent && $0.answers == book.gradedAnswers && $0.models == models } }) { return hit }
    let built = AnswerExamples(book.gradedAnswers, models: models, idfExponent: idfExponent)
    cache.withLock { c in
      if !c.contains(where: { $0.idfExponent == idfExponent && $0.answers == built.answers && $0.models == models }) { c.append(built) }
      if c.count > 8 { c.removeFirst() }
    }
    return built
  }
}

/// How the graded examples changed a step's score, shown to the rep and the trainer: the score
/// the checks gave, the score after the examples, and the graded answers that moved it.
public struct ExampleMove: Sendable, Equatable {
  public var from: Int
  public var to: Int
  /// The nearest graded answers with the grade that moved the score (at most two), with the words shared.
  public var examples: [ExampleIndex.Neighbour]

  /// "Graded example answers moved this step from 1 to 2; closest: “…” (graded 2; shared:
  /// budget, quarter)." in `lang`.
  public func sentence(_ lang: Lang) -> String {
    let shown = examples.map { n -> String in
      let words = n.shared.prefix(4)
      switch lang {
      case .en: return "“\(n.text)” (graded \(n.label)" + (words.isEmpty ? ")" : "; shared: " + words.joined(separator: ", ") + ")")
      case .zh: return "“\(n.text)”（评 \(n.label) 分" + (words.isEmpty ? "）" : "；共同的词：" + words.map { "“\($0)”" }.joined(separator: "、") + "）")
      }
    }
    switch lang {
    case .en:
      return "Graded example answers moved this step from \(from) to \(to); closest: " + shown.joined(separator: "; ") + "."
    case .zh:
      return "参照培训师已评分的示例回答，本步从 \(from) 分调为 \(to) 分；最接近的：" + shown.joined(separator: "；") + "。"
    }
  }
}
