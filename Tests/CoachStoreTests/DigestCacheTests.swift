import CoachCore
import CoachTestSupport
import Testing

@testable import CoachStore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// The summary cache is never trusted over the plan files: whatever is wrong with it only means
/// plans are read again.
@Suite struct DigestCacheTests {
  static let stamp = DigestCache.Stamp(size: 10, mtimeSeconds: 1_700_000_000, mtimeNanos: 5, ctimeSeconds: 1_700_000_001, ctimeNanos: 6, inode: 42)
  static let other = DigestCache.Stamp(size: 11, mtimeSeconds: 1_600_000_000, mtimeNanos: 7, ctimeSeconds: 1_600_000_000, ctimeNanos: 8, inode: 43)
  static let digest: PlanDigest = {
    var d = PlanDigest(
      name: "Acme\tOne\nTwo \\ 华东", updatedAt: "2026-11-20T09:00:00Z", tier: .a, stage: .mature, stakeholders: 3,
      sections: ["account": 0.5, "value": 1], warnings: 2, notes: 1,
      items: [
        DigestItem(kind: .action, id: "a1", text: "Send\tthe TCO\r\n", owner: "Sean O'Brien", date: "2026-11-24"),
        DigestItem(kind: .action, id: "a2", text: "no owner", owner: nil, date: "2026-11-25"),
        DigestItem(kind: .visit, id: "monthly", text: "monthly", owner: "Wang Fang", date: "2026-12-01"),
      ])
    d.salesStage = .valueDemonstration
    d.serviceTier = .key
    d.lifecycle = .loyal
    d.nps = -5
    d.signals = ["nps-falling"]
    d.complaints = ["2026-10-15", "2026-11-01"]
    d.purchases = [DigestPurchase(date: "2026-05-01", amount: 1_250.5, currency: "C\tNY"), DigestPurchase(date: "2026-06-01", amount: 3, currency: nil)]
    return d
  }()

  @Test func roundTripsEveryFieldThroughTheFile() {
    let bytes = DigestCache.encode(["acme": .init(stamp: Self.stamp, digest: Self.digest)], fingerprint: "fp\tx")
    let (entries, complete) = DigestCache.decode(bytes, fingerprint: "fp\tx")
    #expect(complete)
    #expect(entries["acme"] == .init(stamp: Self.stamp, digest: Self.digest))
    // One line per plan and item: tabs and line breaks inside fields are escaped.
    #expect(String(decoding: bytes, as: UTF8.self).split(separator: "\n").count == 8)
  }

  @Test func anotherFingerprintOrVersionGivesNothing() {
    let bytes = DigestCache.encode(["acme": .init(stamp: Self.stamp, digest: Self.digest)], fingerprint: "fp")
    #expect(DigestCache.decode(bytes, fingerprint: "other").entries.isEmpty)
    let older = Array(String(decoding: bytes, as: UTF8.self).replacingAll("coach-digests\t\(DigestCache.version)\t", with: "coach-digests\t\(DigestCache.version - 1)\t").utf8)
    #expect(DigestCache.decode(older, fingerprint: "fp").entries.isEmpty)
    #expect(DigestCache.decode([], fingerprint: "fp").entries.isEmpty)
    #expect(DigestCache.decode(Array("{\"version\": 1}".utf8), fingerprint: "fp").entries.isEmpty)
  }

  @Test func aBadEntryIsLeftOutAndTheOthersKept() {
    let good = PlanDigest(name: "Good", updatedAt: "2026-11-20T09:00:00Z")
    let bytes = DigestCache.encode(["acme": .init(stamp: Self.stamp, digest: Self.digest), "good": .init(stamp: Self.other, digest: good)], fingerprint: "fp")
    let text = String(decoding: bytes, as: UTF8.self)
    let damages: [(String, String)] = [
      ("\t42\tAcme", "\t-42\tAcme"),  // inode negative
      ("account=0.5", "account=1e300"),  // completeness out of range
      ("\tA\tmature", "\tZ\tmature"),  // unknown tier
      ("2026-11-24", "2026-13-45"),  // bad date
      ("I\taction\ta2", "I\tbogus\ta2"),  // unknown kind
      ("\tkey\tloyal\t-5\t", "\tkey\tloyal\t500\t"),  // an NPS beyond -100…100
      ("B\t2026-05-01\t", "B\t2026-05-01x\t"),  // a purchase's bad date
      ("2026-11-01\t2\n", "2026-11-01\t3\n"),  // a purchase missing
      ("\t3\tvalue-demonstration\nI", "\t4\tvalue-demonstration\nI"),  // an item missing
      ("\tvalue-demonstration\n", "\tbidding\n"),  // a sales stage that is not one of the six
      ("\t1700000000\t5\t", "\t1700000000\t5000000000\t"),  // nanoseconds past a second
    ]
    for (from, to) in damages {
      #expect(text.contains(from), "\(from)")
      let damaged = Array(text.replacingAll(from, with: to).utf8)
      let (entries, complete) = DigestCache.decode(damaged, fingerprint: "fp")
      #expect(!complete, "\(to)")
      #expect(entries["acme"] == nil, "\(to)")
      #expect(entries["good"]?.digest == good, "\(to)")
    }
    // Cut short: the entry whose items were cut is not used.
    let cut = Array(bytes[0..<(text.utf8.count - 3)])
    let firstIsAcme = DigestCache.decode(cut, fingerprint: "fp")
    #expect(firstIsAcme.entries["good"] == nil)
    #expect(!firstIsAcme.complete)
  }

  @Test func anEntryIsUsedOnlyWhileTheFileIsUnchanged() throws {
    let ws = TempWorkspace()
    mkdir(ws.plans, 0o700)
    let file = ws.plans + "/acme.json"
    try DurableFile.write(Array("{}".utf8), directory: ws.plans, name: "acme.json", keepBackup: false)
    let stamp = try #require(DigestCache.stamp(file))
    var cache = DigestCache(workspace: ws.paths, fingerprint: "fp")
    cache.store("acme", stamp: stamp, Self.digest)
    cache.save()
    let reread = DigestCache(workspace: ws.paths, fingerprint: "fp")
    #expect(reread.digest("acme", stamp: stamp) == Self.digest)
    #expect(ws.mode(".cache/digests.tsv") == 0o600)
    // A save (new inode, new times) makes the entry useless.
    try DurableFile.write(Array("{ }".utf8), directory: ws.plans, name: "acme.json", keepBackup: false)
    let after = try #require(DigestCache.stamp(file))
    #expect(reread.digest("acme", stamp: after) == nil)
    // A symbolic link or a folder at the plan's path has no stamp.
    unlink(file)
    symlink("/etc/hostname", file)
    #expect(DigestCache.stamp(file) == nil)
  }
}
