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
    var stamps: [String: DigestCache.Stamp] = [:]
    var cached: [String: PlanDigest] = [:]
    var stale: [String] = []
    var gone: [String] = []
    for id in ids {
      guard let stamp = DigestCache.stamp(repository.path(for: id)) else {
        // Not a regular file (a FIFO, a folder, a link) or gone since the listing: the load
        // below says which, as `list` always has.
        gone.append(id)
        continue
      }
      stamps[id] = stamp
      if let d = cache.digest(id, stamp: stamp) { cached[id] = d } else { stale.append(id) }
    }
    let toRead = stale + gone
    let stampsOf = stamps
    let fresh = ParallelMap.map(toRead.count) { i -> Result<(PlanDigest, DigestCache.Stamp?), StoreError> in
      let id = toRead[i]
      let loaded: Result<PlanRepository.Loaded, StoreError> = Result { () throws(StoreError) in try repository.loadWithStamp(id: id) }
      return loaded.map { l in
        // Kept in the cache only when the bytes read are the file that was stamped: a plan
        // saved by another session between the two is read again next time.
        let stamp = stampsOf[id].flatMap { $0.describes(l.stamp) ? $0 : nil }
        return (PlanDigest(plan: l.plan, book: book, now: now, today: today), stamp)
      }
    }
    var read: [String: PlanDigest] = [:]
    var damaged: [(String, StoreError)] = []
    for (id, result) in zip(toRead, fresh) {
      switch result {
      case .success(let (digest, stamp)):
        read[id] = digest
        if let stamp { cache.store(id, stamp: stamp, digest) }
      case .failure(.notFound): continue  // deleted since the folder was listed
      case .failure(let error): damaged.append((id, error))
      }
    }
    var plans: [(id: String, digest: PlanDigest)] = []
    plans.reserveCapacity(ids.count)
    for id in ids {
      if let d = read[id] ?? cached[id] { plans.append((id, d)) }
    }
    cache.keepOnly(stamps)
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
