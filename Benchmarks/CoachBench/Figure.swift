/// One line of the results table, with the details that go under it in the record.
struct Figure {
  var benchmark: String
  var subject: String
  var baseline: String
  var ratio: String
  var target: String
  var verdict: String
  /// Markdown bullet lines (without the leading "- ").
  var details: [String] = []

  static func failed(_ benchmark: String, target: String, _ error: any Error) -> Figure {
    Figure(
      benchmark: benchmark, subject: "—", baseline: "—", ratio: "—", target: target, verdict: "error",
      details: ["The benchmark could not run: \(error)"])
  }
}

/// How many times to run things.
struct Effort {
  var quick: Bool
  func pick(full: Int, quick q: Int) -> Int { quick ? q : full }
}

/// "p10 / median / p90" of per-pair ratios.
func ratioSummary(_ ratios: Samples) -> String {
  "\(ratioText(ratios.p10)) / **\(ratioText(ratios.median))** / \(ratioText(ratios.p90)) (\(ratios.count) pairs)"
}

func verdict(_ meets: Bool) -> String { meets ? "meets" : "misses" }

/// The environment every child runs with: nothing of the user's (home, XDG dirs, history and
/// workspace all point into the scratch directory), so no run touches the user's files.
func childEnvironment(scratch: String) throws -> [String] {
  let home = scratch + "/home"
  try makeDirectory(home)
  let path = getenvString("PATH") ?? "/usr/local/bin:/usr/bin:/bin"
  return [
    "PATH=" + path, "HOME=" + home, "LANG=C.UTF-8", "TERM=dumb",
    "XDG_DATA_HOME=" + home + "/data", "XDG_STATE_HOME=" + home + "/state", "XDG_CONFIG_HOME=" + home + "/config",
    "COACH_HISTORY=" + home + "/history",
  ]
}
