/// Timings of one thing, in seconds.
struct Samples {
  private(set) var values: [Double] = []

  init() {}

  mutating func add(_ seconds: Double) { values.append(seconds) }

  var count: Int { values.count }

  /// The p-th quantile (0…1), linearly interpolated between the closest ranks.
  func quantile(_ p: Double) -> Double {
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    let position = p * Double(sorted.count - 1)
    let low = Int(position.rounded(.down))
    let high = min(low + 1, sorted.count - 1)
    let weight = position - Double(low)
    return sorted[low] * (1 - weight) + sorted[high] * weight
  }

  var median: Double { quantile(0.5) }
  var p10: Double { quantile(0.1) }
  var p90: Double { quantile(0.9) }

  /// "p10 / median / p90 (n runs)".
  var summary: String {
    "\(duration(p10)) / **\(duration(median))** / \(duration(p90)) (\(count) runs)"
  }
}

/// Per-pair ratios of two interleaved series: run i of `subject` over run i of `baseline`.
func pairedRatios(_ subject: Samples, _ baseline: Samples) -> Samples {
  var out = Samples()
  for (s, b) in zip(subject.values, baseline.values) where b > 0 { out.add(s / b) }
  return out
}

/// Runs `operations` `rounds` times, interleaved: round i starts at operation i mod count, so each
/// operation runs equally often in every position and slow phases of the machine hit all alike.
func interleave(rounds: Int, _ operations: [() throws -> Void]) throws {
  for round in 0..<rounds {
    for k in 0..<operations.count {
      try checkInterrupted()
      try operations[(round + k) % operations.count]()
    }
  }
}
