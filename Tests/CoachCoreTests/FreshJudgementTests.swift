import Testing

@testable import CoachCore

/// The coaching judgement on a fresh set (Fixtures/judgement-fresh/) written by two people who
/// never saw the engine, its cue lists or the earlier sets, after the engine's last change was
/// committed: 120 objections, 120 questions (closed ones labelled "closed", i.e. no type) and 24
/// complete LSCPA answer sets per language. Nobody tuning the judgement reads these files: the
/// measurement prints totals only, never an item, so the set stays unseen for the next round too.
/// The floors sit a little under what was measured (docs/drill-scoring.md) to catch regressions.
@Suite struct FreshJudgementTests {
  static let set = HeldOutSet(
    folder: "judgement-fresh/", name: "fresh", items: 120, steps: 120,
    floors: [
      // Measured after round 3: en 71% / 80% / 73%, gamed 18%, 8 of 8 excellent; zh 76% / 73% / 74%, gamed 28%, 8 of 8
      // (round 2: en 70 / 78 / 73, gamed 18; zh 78 / 74 / 73, gamed 30).
      // Round 4 (nearest playbook examples vote on English categories): en category 77%, the rest unchanged.
      // Round 5 (measured once, on main, 2026-12-07 16:0x): en 87% / 90% / 72%, gamed 16%, 7 of 8 excellent
      // (one excellent set lost by round 5's LSCPA changes); zh 89% / 88% / 74%, gamed 28%, 8 of 8.
      // Round 6 (closed overrule, fifth batch of examples, graded example answers): en 90% / 90% / 69%, gamed 11%,
      // 7 of 8 excellent; zh 90% / 93% / 73%, gamed 20%, 8 of 8.
      // Round 7 (guarded raise to full marks, batch 6 of examples; measured once after the round):
      // en 91% / 92% / 73%, gamed 10%, 8 of 8 excellent; zh 88% / 93% / 78%, gamed 18%, 8 of 8.
      .en: HeldOutSet.Floors(category: 0.87, questionType: 0.87, steps: 0.70, gamedAverage: 15, excellentMisses: 1),
      .zh: HeldOutSet.Floors(category: 0.87, questionType: 0.90, steps: 0.75, gamedAverage: 24, excellentMisses: 0),
    ])

  @Test(arguments: [Lang.en, Lang.zh]) func objectionCategories(lang: Lang) { Self.set.objectionCategories(lang) }
  @Test(arguments: [Lang.en, Lang.zh]) func questionTypes(lang: Lang) { Self.set.questionTypes(lang) }
  @Test(arguments: [Lang.en, Lang.zh]) func lscpaSets(lang: Lang) { Self.set.lscpaSets(lang) }
}
