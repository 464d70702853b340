import CoachCore
import CoachTestSupport
import Testing

@testable import CoachStore

/// The report over fixture transcripts (Fixtures/transcripts), against figures worked out by
/// hand. The fixtures: Ann — objection drills on Nov 1 (2,1,0,1,1 = 50%), Nov 10 (2,2,1,1,2 =
/// 80%, the trainer raised Confirm 1→2 = 90%), Nov 20 (2,2,1,2,2 = 90%, written "ann "), and a
/// negotiation drill on Nov 21 (1 = 50%); 王芳 — write a question Nov 15 (2 = 100%), name the
/// type Nov 16 (0 = 0%), negotiation Nov 18 (2 = 100%, pass mark 90); Bob — one unfinished
/// drill. Pass mark 70 unless said.
@Suite struct DrillReportTests {
  static var folder: String { RepositoryPaths.root() + "/Tests/CoachStoreTests/Fixtures/transcripts" }

  func load() -> [DrillTranscript] {
    let listing = TranscriptStore.loadAll(directories: [Self.folder])
    #expect(listing.problems.isEmpty)
    #expect(listing.transcripts.count == 8)
    return listing.transcripts.map(\.transcript)
  }

  func near(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 0.01 } ?? false }

  @Test func figuresPerRepKindAndStep() throws {
    let report = DrillReport(load())
    #expect(report.drills == 7 && report.unfinished == 1)
    #expect(report.reps.map(\.rep) == ["Ann", "王芳"])
    let ann = report.reps[0]
    // All drills in time order: 50, 80, 90, 50.
    #expect(ann.overall.attempts == 4)
    #expect(near(ann.overall.average, 67.5))
    #expect(ann.overall.best == 90 && ann.overall.first == 50 && ann.overall.last == 50 && ann.overall.improvement == 40)
    #expect(near(ann.overall.passRate, 50))
    // The override is counted apart: 50, 90, 90, 50 with the trainer's scores.
    #expect(ann.overall.overrides == 1)
    #expect(near(ann.overall.trainerAverage, 70) && near(ann.overall.trainerPassRate, 50))

    let objection = try #require(ann.kinds.first { $0.scope == .kind(.objection) }).figures
    #expect(objection.attempts == 3 && near(objection.average, 220.0 / 3) && objection.best == 90 && objection.improvement == 40)
    #expect(near(objection.passRate, 200.0 / 3) && near(objection.trainerAverage, 230.0 / 3))
    let negotiation = try #require(ann.kinds.first { $0.scope == .kind(.negotiation) }).figures
    #expect(negotiation.attempts == 1 && negotiation.average == 50 && negotiation.passRate == 0 && negotiation.trainerAverage == nil)

    func step(_ id: String) throws -> DrillReport.Figures { try #require(ann.steps.first { $0.scope == .step(id) }).figures }
    #expect(ann.steps.map(\.scope) == ["listen", "sympathize", "confirm", "process", "assure", "give-and-get"].map { .step($0) })
    #expect(try step("listen").average == 100 && (try step("listen")).passRate == 100)
    let confirm = try step("confirm")  // 0, 50, 50; the trainer made the second 100
    #expect(confirm.attempts == 3 && near(confirm.average, 100.0 / 3) && confirm.best == 50 && confirm.first == 0 && confirm.improvement == 50)
    #expect(confirm.passRate == 0 && confirm.overrides == 1 && near(confirm.trainerAverage, 50) && near(confirm.trainerPassRate, 100.0 / 3))
    let sympathize = try step("sympathize")  // 50, 100, 100
    #expect(near(sympathize.average, 250.0 / 3) && sympathize.improvement == 50 && near(sympathize.passRate, 200.0 / 3))
    #expect(try step("process").best == 100 && near(try step("process").average, 200.0 / 3))
    #expect(ann.weakestStep == "confirm")

    let wang = report.reps[1]
    #expect(wang.overall.attempts == 3 && near(wang.overall.average, 200.0 / 3) && wang.overall.improvement == 0)
    #expect(near(wang.overall.passRate, 200.0 / 3), "100% against 90 passes")
    #expect(wang.steps.map(\.scope) == [.step("question"), .step("name"), .step("give-and-get")])
    #expect(wang.weakestStep == "name")
    #expect(wang.overall.trainerAverage == nil)
  }

  @Test func filtersByRepAndDate() {
    let all = load()
    let since = DrillReport(all, filter: .init(since: CalendarDay("2026-11-10")))
    let ann = since.reps.first { $0.rep == "Ann" }!
    // 80, 90, 50
    #expect(ann.overall.attempts == 3 && ann.overall.first == 80 && ann.overall.improvement == 10 && near(ann.overall.average, 220.0 / 3))
    let onlyWang = DrillReport(all, filter: .init(rep: "王芳"))
    #expect(onlyWang.reps.map(\.rep) == ["王芳"] && onlyWang.unfinished == 0)
    let caseless = DrillReport(all, filter: .init(rep: " ANN"))
    #expect(caseless.reps.map(\.rep) == ["Ann"] && caseless.drills == 4)
    #expect(DrillReport(all, filter: .init(rep: "nobody")).reps.isEmpty)
  }

  @Test func theSameFolderTwiceCountsEachDrillOnce() {
    let listing = TranscriptStore.loadAll(directories: [Self.folder, Self.folder, "/nonexistent/coach-sessions"])
    #expect(listing.missing == ["/nonexistent/coach-sessions"])
    #expect(DrillReport(listing.transcripts.map(\.transcript)).drills == 7)
  }

  @Test func csvParsesBackToTheSameFigures() throws {
    let report = DrillReport(load())
    let csv = DrillReportView(report, labels: DrillLabels(nil, L10n(.en)), width: 80).csv()
    #expect(csv.hasSuffix("\r\n"))
    let rows = try CSVReader.parse(csv)
    #expect(rows[0] == DrillReportView.csvHeader)
    let body = rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(rows[0], $0)) }
    #expect(body.allSatisfy { $0.count == DrillReportView.csvHeader.count })
    let annAll = try #require(body.first { $0["rep"] == "Ann" && $0["scope"] == "all" })
    #expect(annAll["attempts"] == "4" && annAll["average"] == "67.5" && annAll["best"] == "90" && annAll["improvement"] == "40")
    #expect(annAll["pass_rate"] == "50" && annAll["overrides"] == "1" && annAll["trainer_average"] == "70" && annAll["weakest_step"] == "confirm")
    let confirm = try #require(body.first { $0["rep"] == "Ann" && $0["name"] == "confirm" })
    #expect(confirm["scope"] == "step" && confirm["average"] == "33.3" && confirm["trainer_pass_rate"] == "33.3")
    #expect(body.filter { $0["rep"] == "王芳" }.count == 1 + 2 + 3)
  }

  @Test func csvQuotesPerRFC4180() throws {
    #expect(DrillReportView.csvField("plain") == "plain")
    #expect(DrillReportView.csvField("Lee, Ann") == "\"Lee, Ann\"")
    #expect(DrillReportView.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
    #expect(DrillReportView.csvField("two\nlines") == "\"two\nlines\"")
    #expect(DrillReportView.spreadsheetSafe("=HYPERLINK(1)") == "'=HYPERLINK(1)")
    let rows = try CSVReader.parse("a,\"b, c\",\"d \"\"e\"\"\"\r\n\"x\r\ny\",,z\r\n")
    #expect(rows == [["a", "b, c", "d \"e\""], ["x\r\ny", "", "z"]])
  }

  @Test func jsonCarriesTheSameFigures() throws {
    let json = DrillReportView(DrillReport(load()), labels: DrillLabels(nil, L10n(.en)), width: 80).json()
    let text = JSONWriter.pretty(json)
    let back = try JSONParser.parse(text)
    #expect(back["drills"]?.int == 7 && back["unfinished"]?.int == 1)
    let ann = try #require(back["reps"]?.array?.first)
    #expect(ann["rep"]?.string == "Ann" && ann["weakestStep"]?.string == "confirm")
    #expect(ann["overall"]?["average"]?.number == 67.5 && ann["overall"]?["trainerAverage"]?.number == 70)
    #expect(ann["steps"]?["confirm"]?["average"]?.number == 33.3)
    #expect(ann["kinds"]?["negotiation"]?["trainerAverage"] == .null)
  }

  @Test func tableAlignsChineseNames() {
    let view = DrillReportView(DrillReport(load()), labels: DrillLabels(nil, L10n(.zh)), width: 80)
    let lines = view.table().plain.split(separator: "\n").map(String.init)
    let ann = lines.first { $0.hasPrefix("Ann ") }!
    let wang = lines.first { $0.hasPrefix("王芳 ") }!
    // The figures start in the same column whatever the script of the name.
    func firstFigure(_ line: String) -> Int? {
      guard let i = line.firstIndex(where: { $0.isNumber }) else { return nil }
      return DisplayWidth.of(line[..<i])
    }
    #expect(firstFigure(ann) != nil && firstFigure(ann) == firstFigure(wang))
    #expect(DisplayWidth.of(ann) <= 80 && DisplayWidth.of(wang) <= 80)
  }
}

/// A strict RFC 4180 reader, to read the CSV back.
