import CoachCore
import CoachStore

/// Every plan's digest for the views across accounts (`list`, `agenda`, `portfolio`): from the
/// workspace's summary cache where the plan file has not changed since, else read, checked and
/// summarised again (on all cores), and the cache brought up to date.
///
/// Measured with perf (10,000 plans of 4–5 KB, release build): a cold run spends most of its
/// time reading and summarising the plans — of that work about 30 % JSON parsing, 25 % building
/// `AccountPlan` values, 25 % checks and completeness —, while a warm run reads one cache file
/// (8 % of a warm agenda over 10,000 plans); so the cache keeps exactly what the three views
/// need, and a plan is parsed only when its file changed.
enum PlanDigests {
  struct Collected {
    /// Plans in id order.
    var plans: [(id: String, digest: PlanDigest)]
    /// Plans that could not be read, with why.
    var damaged: [(String, StoreError)]
  }

  static func collect(_ session: Session) throws(CommandError) -> Collected {
    let ids: [String]
    do { ids = try session.repository.ids() } catch { throw CommandError(session.l.describe(error), exitCode: error.exitCode) }
    let book = try? session.playbook()
    // The digest's counts include findings that depend on the day (a relationship gone cold,
    // a visit overdue, the next meeting's): the cache holds for the day it was made, so the
    // counts `list` shows are the ones `check` gives, and the first view of a day reads every plan.
    var cache = DigestCache(workspace: session.settings.paths, fingerprint: fingerprint(book) + ";day=" + session.clock.today.description)
    let now = session.now
    let today = session.clock.today
    let repository = session.repository
    // By position in `ids` rather than in dictionaries by id: three dictionaries of 10,000 ids
    // (stamps, cached and read digests) and a set of them for `keepOnly` were 8 % of a warm
    // agenda over 10,000 plans (callgrind).
    var stamps = [DigestCache.Stamp?](repeating: nil, count: ids.count)
    var digests = [PlanDigest?](repeating: nil, count: ids.count)
    var stale: [Int] = []
    var gone: [Int] = []
    var hits = 0
    for (n, id) in ids.enumerated() {
      guard let stamp = DigestCache.stamp(repository.path(for: id)) else {
        // Not a regular file (a FIFO, a folder, a link) or gone since the listing: the load
        // below says which, as `list` always has.
        gone.append(n)
        continue
      }
      stamps[n] = stamp
      if let d = cache.digest(id, stamp: stamp) {
        digests[n] = d
        hits += 1
      } else {
        stale.append(n)
      }
    }
    let toRead = stale + gone
    let stampsOf = stamps
    // On all cores: reading and summarising the plans is three quarters of a cold view's CPU
    // time (perf, 10,000 plans), and each plan is independent. Measured on this 2-core machine
    // (cold `agenda` over 10,000 plans, 5 interleaved rounds, other builds running, load 5):
    // 906 ms on both cores against 949 ms pinned to one (`taskset -c 0`); the gain is what a
    // core left idle by others gives, and nothing is lost when none is. Under 400 plans it
    // stays on this thread (1,000 plans: 100 ms either way).
    let fresh = ParallelMap.map(toRead.count) { i -> Result<(PlanDigest, DigestCache.Stamp?), StoreError> in
      let n = toRead[i]
      let loaded: Result<PlanRepository.Loaded, StoreError> = Result { () throws(StoreError) in try repository.loadWithStamp(id: ids[n]) }
      return loaded.map { l in
        // Kept in the cache only when the bytes read are the file that was stamped: a plan
        // saved by another session between the two is read again next time.
        let stamp = stampsOf[n].flatMap { $0.describes(l.stamp) ? $0 : nil }
        return (PlanDigest(plan: l.plan, book: book, now: now, today: today), stamp)
      }
    }
    var damaged: [(String, StoreError)] = []
    var stored = 0
    var unstored: [Int] = []
    for (n, result) in zip(toRead, fresh) {
      switch result {
      case .success(let (digest, stamp)):
        digests[n] = digest
        if let stamp {
          cache.store(ids[n], stamp: stamp, digest)
          stored += 1
        } else {
          unstored.append(n)
        }
      case .failure(.notFound): unstored.append(n)  // deleted since the folder was listed
      case .failure(let error):
        unstored.append(n)
        damaged.append((ids[n], error))
      }
    }
    var plans: [(id: String, digest: PlanDigest)] = []
    plans.reserveCapacity(ids.count)
    for (n, id) in ids.enumerated() {
      if let d = digests[n] { plans.append((id, d)) }
    }
    // Entries of plans that are gone are dropped. Every entry is of a plan still here when as
    // many plans have one (a hit, a store, or an old entry of one read again without a store).
    let kept = hits + stored + unstored.filter { stamps[$0] != nil && cache.entries[ids[$0]] != nil }.count
    if kept != cache.entries.count {
      cache.keepOnly(Set(ids.indices.filter { stamps[$0] != nil }.map { ids[$0] }))
    }
    cache.save()
    damaged.sort { $0.0 < $1.0 }
    return Collected(plans: plans, damaged: damaged)
  }

  /// Digests depend on the playbook's discovery prompts and terms; a change there
  /// invalidates the cache.
  static func fingerprint(_ book: Playbook?) -> String {
    guard let book else { return "none" }
    var parts: [String] = []
    for stage in DiscoveryStage.allCases {
      parts.append(stage.rawValue + "=" + (book.walks[stage.rawValue]?.prompts.filter { !$0.optional }.map(\.id).joined(separator: ",") ?? ""))
    }
    parts.append("terms=" + book.terms.map { "\($0.id.rawValue):\($0.better?.rawValue ?? "")" }.joined(separator: ","))
    return parts.joined(separator: ";")
  }
}
