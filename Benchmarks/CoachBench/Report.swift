import CoachCore

/// The results as a plain table (stdout) and as a Markdown record.
enum Report {
  static let headers = ["Benchmark", "Subject (median)", "Baseline (median)", "Ratio", "Target", "Verdict"]

  static func cells(_ f: Figure) -> [String] { [f.benchmark, f.subject, f.baseline, f.ratio, f.target, f.verdict] }

  static func table(_ figures: [Figure]) -> String {
    let rows = [headers] + figures.map(cells)
    var widths = [Int](repeating: 0, count: headers.count)
    for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
    func line(_ row: [String]) -> String {
      row.enumerated().map { i, cell in cell + String(repeating: " ", count: widths[i] - cell.count) }
        .joined(separator: "  ").trimmingWhitespace
    }
    let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
    return ([line(headers), rule] + figures.map { line(cells($0)) }).joined(separator: "\n")
  }

  static func markdown(_ figures: [Figure], machine: Machine, coach: String, coachBytes: Int, sqlite: String?, quick: Bool) -> String {
    func escape(_ cell: String) -> String { cell.replacingPipes }
    var out = "# Sales Coach benchmarks\n\n"
    out += "Written by `coach-bench` (`make bench`); rerun it to refresh this file rather than editing it.\n\n"
    out += "## Machine and run\n\n"
    out += "- CPU: \(machine.cpu) — \(machine.cores) online CPUs (nproc)\n"
    out += "- Memory: \(machine.memory)\n"
    out += "- Kernel: Linux \(machine.kernel)\n"
    out += "- Date: \(machine.date) (UTC)\n"
    out += "- coach binary: `\(coach)`, \(grouped(coachBytes)) bytes (\(bytesText(coachBytes)))\n"
    out += "- sqlite3 (baseline of (a)): \(sqlite ?? "**not found** — figure (a) has no baseline")\n"
    out += "- Scratch directory (plans, fsyncs): \(machine.scratch)\n"
    out += "- Mode: \(quick ? "`--quick` (few runs: a smoke test, not a measurement)" : "full")\n\n"
    out += "## Results\n\n"
    out += "| " + headers.joined(separator: " | ") + " |\n"
    out += "|" + headers.map { _ in "---" }.joined(separator: "|") + "|\n"
    for f in figures { out += "| " + cells(f).map(escape).joined(separator: " | ") + " |\n" }
    out += "\n## Details\n\n"
    out += "Timings are p10 / **median** / p90.\n"
    for f in figures {
      out += "\n### \(f.benchmark)\n\n"
      for d in f.details { out += "- \(d)\n" }
    }
    out += """

      ## How to read this

      - Every figure is the **median** of repeated runs; p10 and p90 in the details show the spread. \
      Single runs on a shared machine are noise.
      - Ratios compare the subject with a **baseline measured in the same run, interleaved** with \
      it (subject, baseline, subject, baseline, … with the order rotated each round), so a slow \
      moment of the machine hits both alike and largely cancels in the ratio. Compare ratios \
      across machines and dates; compare absolute times only within one record.
      - The baselines are the floor for the job: sqlite3 is a small native program that starts \
      and quits; the plain durable write is temp file + fsync + rename + directory fsync of the \
      same bytes, with nothing else. A ratio of 1× would mean coach adds nothing on top.
      - (c) is judged on its absolute median (its ratio is shown for context); (d) on the \
      absolute median over 10,000 plans, with 10k/1k ≈ 10 meaning time grows linearly; (g) and \
      (h) on their absolute warm and cold medians over 10,000 plans, with `coach list` over the \
      same plans as the baseline (not a floor: the same cache, a different view).
      - Absolute durations depend heavily on the disk (fsync) and on the load of the machine; \
      the machine, date and scratch file system above say where these were taken.

      """
    return out
  }
}

extension String {
  /// The text with `|` escaped for a Markdown table cell.
  var replacingPipes: String {
    var out = ""
    for c in self { if c == "|" { out += "\\|" } else { out.append(c) } }
    return out
  }
}
