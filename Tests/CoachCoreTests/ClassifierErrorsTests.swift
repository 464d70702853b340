import CoachTestSupport
import Testing

@testable import CoachCore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Tuning only (COACH_TUNING_ERRORS=1): every item the classifiers get wrong on the TUNING data —
/// fresh3 (Fixtures/judgement-fresh3/), the development set's tuning split (Fixtures/judgement/,
/// `"split": "tuning"`) and leave-one-out over the playbooks' `compareWith` examples — with a
/// confusion table (wanted → got) per set, so systematic confusions can be read off. Never reads
/// a held-out set.
@Suite struct ClassifierErrorsTests {
  static var on: Bool { getenv("COACH_TUNING_ERRORS").map { String(cString: $0) == "1" } ?? false }

  static func confusion(_ pairs: [(String, String)]) -> String {
    var counts: [String: Int] = [:]
    for (w, g) in pairs where w != g { counts["\(w)→\(g)", default: 0] += 1 }
    return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
  }

  static func objections(_ name: String, _ rows: [[String: JSONValue]], _ s: CategorySuggester, leaveOut: Bool, list: Bool) {
    var pairs: [(String, String)] = []
    for row in rows {
      guard let text = row["text"]?.string, let want = row["category"]?.string else { continue }
      let r = s.suggest(text, leavingOut: leaveOut ? [text] : [])
      let got = r.category?.rawValue ?? "none"
      pairs.append((want, got))
      if got != want, list {
        let sc = r.scores.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: " ")
        print("ERR \(name) want=\(want) got=\(got) [\(sc)] sig=\(r.signalIDs) near=\(r.nearest?.text.prefix(60) ?? "-") :: \(text)")
      }
    }
    print("SUM \(name): \(pairs.filter { $0.0 == $0.1 }.count)/\(pairs.count); \(confusion(pairs))")
  }

  static func questions(_ name: String, _ rows: [[String: JSONValue]], _ q: QuestionClassifier, leaveOut: Bool, list: Bool) {
    var pairs: [(String, String)] = []
    for row in rows {
      guard let text = row["text"]?.string, let want = row["type"]?.string else { continue }
      let r = q.classify(text, leavingOut: leaveOut ? [text] : [])
      let got = r.type?.rawValue ?? "closed"
      pairs.append((want, got))
      if got != want, list {
        let sc = r.scores.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue.prefix(4))=\($0.value)" }.joined(separator: " ")
        print("ERR \(name) want=\(want) got=\(got) [\(sc)] weak=\(r.weaknesses.map(\.id)) sig=\(r.signalIDs) near=\(r.nearest?.text.prefix(50) ?? "-") :: \(text)")
      }
    }
    print("SUM \(name): \(pairs.filter { $0.0 == $0.1 }.count)/\(pairs.count); \(confusion(pairs))")
  }

  @Test(.enabled(if: on), arguments: [Lang.en, Lang.zh])
  func errors(lang: Lang) {
    let book = Fixtures.playbook(lang)
    let l = lang.rawValue
    let s = CategorySuggester(book: book)
    let q = QuestionClassifier(book: book)
    let listLOO = getenv("COACH_TUNING_ERRORS_LOO").map { String(cString: $0) == "1" } ?? false
    // COACH_TUNING_ONLY=category|question measures one task.
    let only = getenv("COACH_TUNING_ONLY").map { String(cString: $0) } ?? ""
    // COACH_LOO_ONLY=PREFIX: leave-one-out only over the examples listed in PREFIX<lang>.txt (one
    // per line), e.g. the examples an earlier playbook had, to compare before and after a batch.
    var ex = Fresh3TuningTests.exampleRows(book)
    if let prefix = getenv("COACH_LOO_ONLY").map({ String(cString: $0) }), let text = TestFiles.text(prefix + l + ".txt") {
      let keep = Set(text.split(separator: "\n").map(String.init))
      ex.objections = ex.objections.filter { keep.contains($0["text"]?.string ?? "") }
      ex.questions = ex.questions.filter { keep.contains($0["text"]?.string ?? "") }
    }
    if only != "question" {
      Self.objections("fresh3 \(l) category", Fixtures.lines("judgement-fresh3/objections-\(l).jsonl"), s, leaveOut: false, list: true)
      Self.objections("dev-tuning \(l) category", Fixtures.lines("judgement/objections-\(l).jsonl").filter { $0["split"]?.string == "tuning" }, s, leaveOut: true, list: true)
      Self.objections("LOO \(l) category", ex.objections, s, leaveOut: true, list: listLOO)
    }
    guard only != "category" else { return }
    Self.questions("fresh3 \(l) question", Fixtures.lines("judgement-fresh3/questions-\(l).jsonl"), q, leaveOut: false, list: true)
    let devQ = Fixtures.lines("judgement/questions-\(l).jsonl").filter { $0["split"]?.string == "tuning" }
    Self.questions("dev-tuning \(l) question", devQ, q, leaveOut: true, list: true)
    Self.questions("LOO \(l) question", ex.questions, q, leaveOut: true, list: listLOO)
  }
}

/// Tuning only (COACH_CLOSED_GRID=1): how much a closed cue counts against the examples' vote
/// (`SimilarityWeights.closedCue`), on fresh3, the development tuning split and leave-one-out.
@Suite struct ClosedCueGridTests {
  @Test(.enabled(if: getenv("COACH_CLOSED_GRID").map { String(cString: $0) == "1" } ?? false), arguments: [Lang.en, Lang.zh])
  func grid(lang: Lang) {
    let book = Fixtures.playbook(lang)
    let l = lang.rawValue
    let f3 = Fixtures.lines("judgement-fresh3/questions-\(l).jsonl")
    let dev = Fixtures.lines("judgement/questions-\(l).jsonl").filter { $0["split"]?.string == "tuning" }
    let ex = Fresh3TuningTests.exampleRows(book).questions
    let settings: [Double] = [.infinity, 3, 2, 1.5, 1, 0.5]
    var loo = ex
    if let prefix = getenv("COACH_LOO_ONLY").map({ String(cString: $0) }), let text = TestFiles.text(prefix + l + ".txt") {
      let keep = Set(text.split(separator: "\n").map(String.init))
      loo = ex.filter { keep.contains($0["text"]?.string ?? "") }
    }
    for f in settings {
      var q = QuestionClassifier(book: book)
      q.weights.closedCue = f
      let a = Fresh3TuningTests.questions(f3, q)
      let b = Fresh3TuningTests.questions(dev, q, leaveOut: true)
      let c = Fresh3TuningTests.questions(loo, q, leaveOut: true)
      print("closedgrid \(l) closedCue=\(f): fresh3 \(a.text); dev \(b.text); LOO \(c.text)")
    }
  }
}

/// Tuning only: COACH_PROBE="en|a question" (several joined by ";;") prints how each is read.
@Suite struct ClassifierProbeTests {
  @Test(.enabled(if: getenv("COACH_PROBE") != nil))
  func probe() {
    let spec = String(cString: getenv("COACH_PROBE")!)
    for item in spec.components(separatedBy: ";;") {
      let parts = item.split(separator: "|", maxSplits: 1).map(String.init)
      guard parts.count == 2, let lang = Lang(rawValue: parts[0]) else { continue }
      let book = Fixtures.playbook(lang)
      let q = QuestionClassifier(book: book)
      let r = q.classify(parts[1])
      let near = q.index.nearest(parts[1], k: 7).map { "\($0.label):\(Int($0.similarity * 100)) \($0.text.prefix(40))" }
      print(
        "PROBE \(parts[1]) → \(r.type?.rawValue ?? "closed") \(r.scores.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)" }) votes=\(q.weights.votes(q.index.nearest(parts[1], k: 7))) weak=\(r.weaknesses.map(\.id)) sig=\(r.signalIDs)"
      )
      for n in near { print("   \(n)") }
      let c = CategorySuggester(book: book).suggest(parts[1])
      print("   category \(c.category?.rawValue ?? "none") \(c.scores.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)" }) sig=\(c.signalIDs)")
    }
  }
}
