import Testing

@testable import CoachCore

/// The coaching judgement on a sixth unseen set (Fixtures/judgement-fresh6/, see its README),
/// written on 2026-12-07 by two people (one per language) who never saw the engine, its cue
/// lists, the playbooks' example wordings or graded answers, or any earlier set, and sealed:
/// nobody tuning rounds 7 and 8 read it, and it was measured once before round 7 and once after
/// each round, in totals only. 160 objections, 160 questions (32 closed, i.e. no type) and 16 complete LSCPA
/// answer sets (6 excellent, 5 mixed, 5 gamed) per language.
/// The floors sit a little under what was measured (docs/drill-scoring.md) to catch regressions.
@Suite struct FreshJudgement6Tests {
  static let set = HeldOutSet(
    folder: "judgement-fresh6/", name: "fresh6", items: 160, steps: 80,
    floors: [
      // Measured 2026-12-07 on main before round 7 (8bdded6 and a validation fix): en category 91 %,
      // question type 88 %, steps 68 %, gamed 34 %, 5 of 6 excellent; zh 93 % / 93 % / 71 %,
      // gamed 22 %, 6 of 6.
      // Round 7 (guarded raise to full marks, batch 6 of examples, form-over-topic in English):
      // en 89 % / 85 % / 70 %, gamed 28 %, 5 of 6 excellent; zh 92 % / 92 % / 75 %, gamed 18 %,
      // 6 of 6 (measured once after the round).
      // Round 8 (check cues, the examples' rule, English √IDF, four more writers' graded answers):
      // en 89 % / 85 % / 74 %, gamed 24 %, 6 of 6 excellent; zh 92 % / 92 % / 76 %, gamed 18 %,
      // 5 of 6 — one Chinese excellent set fell under 70 % (measured once after the round; the
      // floor records it, it was not tuned away).
      .en: HeldOutSet.Floors(category: 0.86, questionType: 0.82, steps: 0.71, gamedAverage: 27, excellentMisses: 1),
      .zh: HeldOutSet.Floors(category: 0.89, questionType: 0.89, steps: 0.73, gamedAverage: 21, excellentMisses: 1),
    ])

  @Test(arguments: [Lang.en, Lang.zh]) func objectionCategories(lang: Lang) { Self.set.objectionCategories(lang) }
  @Test(arguments: [Lang.en, Lang.zh]) func questionTypes(lang: Lang) { Self.set.questionTypes(lang) }
  @Test(arguments: [Lang.en, Lang.zh]) func lscpaSets(lang: Lang) { Self.set.lscpaSets(lang) }
}
