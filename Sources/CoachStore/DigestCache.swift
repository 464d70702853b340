import CoachCore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// The workspace's summary cache: the `PlanDigest` of every plan, in
/// `<workspace>/.cache/digests.tsv`, so that `list`, `agenda` and `portfolio` over thousands of
/// plans read one small file instead of parsing and checking every plan each time.
///
/// Never trusted over the plan files: an entry is used only while its plan file has the same
/// size, modification time, change time and inode as when the entry was made (every save makes
/// a new inode; the change time moves on any write, even one that puts the old mtime back).
/// Anything else — a missing, damaged, truncated or older cache, an entry that fails its checks,
/// a changed or deleted plan — only means that plan is read again and the entry rewritten. The
/// cache never names a plan by itself: plans come from the `plans/` listing, and the cache
/// only answers for the ids found there. It is written atomically (temp file + rename) in the
/// workspace's own `.cache` folder, which is refused when it is a symbolic link, so it cannot
/// write outside the workspace.
///
/// Why a tab-separated text and not JSON (measured with perf on this machine over 10,000
/// plans, release build): parsing the previous JSON cache (`.cache/list.json`) into a JSON tree
/// and checking it was 23 % of a warm `list`; splitting these lines in place on the bytes is
/// 8 % of a warm `agenda` that prints all 10,000 plans.
///
/// Format (UTF-8, one record per line, fields separated by tabs; `\\`, `\t`, `\n`, `\r` escape
/// those characters inside a field):
///
///     coach-digests <TAB> 1 <TAB> fingerprint
///     P id size mtime mtimeNs ctime ctimeNs inode name updatedAt tier stage stakeholders warnings notes sections items salesStage
///     I kind id date owner text          (the plan's items, as many as `items` says)
///     M serviceTier lifecycle nps signals complaints purchases   (only with account management)
///     B date amount currency              (the plan's purchases, as many as `purchases` says)
///
/// `sections` is `account=0.5,value=1,…`; `signals` and `complaints` are comma-separated; an
/// empty tier, stage, owner, nps or currency means none.
public struct DigestCache {
  public struct Stamp: Equatable, Sendable {
    public var size: Int
    public var mtimeSeconds: Int
    public var mtimeNanos: Int
    public var ctimeSeconds: Int
    public var ctimeNanos: Int
    public var inode: UInt64

    public init(size: Int, mtimeSeconds: Int, mtimeNanos: Int, ctimeSeconds: Int, ctimeNanos: Int, inode: UInt64) {
      self.size = size
      self.mtimeSeconds = mtimeSeconds
      self.mtimeNanos = mtimeNanos
      self.ctimeSeconds = ctimeSeconds
      self.ctimeNanos = ctimeNanos
      self.inode = inode
    }

    /// True when a plan just read (`DiskStamp` of the bytes read) is the file this stamp was
    /// taken of: its digest may then be kept under this stamp.
    public func describes(_ read: DiskStamp) -> Bool {
      read.inode == inode && read.size == size && read.mtimeSeconds == mtimeSeconds && read.mtimeNanos == mtimeNanos
    }
  }

  public struct Entry: Equatable, Sendable {
    public var stamp: Stamp
    public var digest: PlanDigest
  }

  /// 4: meetings held and touchpoint follow-ups among the items (for the calendar), and the
  /// visits of plans that did not record when the visit plan was agreed.
  /// 5: an open issue's deadlines as instants (`2026-12-07T20:15:00Z`, compared with now when
  /// read), and the resolution deadline of an issue not yet responded to as well.
  public static let version = 5
  public static let fileName = "digests.tsv"
  static let magic = "coach-digests"

  public let directory: String
  public var path: String { directory + "/" + Self.fileName }
  /// Entries are valid only for the playbook they were computed with.
  public let fingerprint: String
  public private(set) var entries: [String: Entry] = [:]
  public private(set) var changed = false

  public init(workspace: WorkspacePaths, fingerprint: String) {
    directory = workspace.root + "/.cache"
    self.fingerprint = fingerprint
    // Read without following a link and only a regular file (a FIFO here never blocks).
    guard let bytes = try? Sys.readAll(path, limit: 256 * 1024 * 1024, followLinks: false) else { return }
    let (read, complete) = Self.decode(bytes, fingerprint: fingerprint)
    entries = read
    if !complete { changed = true }
  }

  /// The entries of a cache file's bytes, and whether every line was good. A file of another
  /// version or fingerprint gives none; a bad entry (a count that is not a whole number, a
  /// completeness outside 0…1, an unknown tier, a bad date…) is left out with its items.
  static func decode(_ bytes: [UInt8], fingerprint: String) -> (entries: [String: Entry], complete: Bool) {
    var entries: [String: Entry] = [:]
    var complete = true
    bytes.withUnsafeBufferPointer { buffer in
      var lines = LineCursor(buffer)
      guard let header = lines.next() else {
        complete = false
        return
      }
      let head = fields(header)
      guard head.count == 3, text(head[0]) == magic, text(head[1]) == String(version), text(head[2]) == fingerprint else {
        complete = false
        return
      }
      // The plan being read: its id, entry (nil when none) and item count. Kept apart rather
      // than as one optional tuple, which was copied out and back for every line (callgrind).
      var currentID = ""
      var current: Entry? = nil
      var currentItems = 0
      var purchases = 0
      var skipping = false
      func finish() {
        if let entry = current.take() {
          // An entry missing some of its items or purchases (a cut file) is not used.
          if entry.digest.items.count == currentItems && entry.digest.purchases.count == purchases {
            entries[currentID] = entry
          } else {
            complete = false
          }
        }
        purchases = 0
      }
      func fail() {
        current = nil
        skipping = true
        complete = false
      }
      var f: [UnsafeBufferPointer<UInt8>] = []
      while let line = lines.next() {
        fields(line, into: &f)
        let tag = f.first.map(Self.tag) ?? 0
        if tag == UInt8(ascii: "I") || tag == UInt8(ascii: "M") || tag == UInt8(ascii: "B") {
          if skipping { continue }
          guard current != nil else {
            fail()
            continue
          }
          if tag == UInt8(ascii: "I") {
            guard let item = item(f) else {
              fail()
              continue
            }
            current!.digest.items.append(item)
          } else if tag == UInt8(ascii: "M") {
            guard let n = management(f, into: &current!.digest) else {
              fail()
              continue
            }
            purchases = n
          } else {
            guard let purchase = purchase(f) else {
              fail()
              continue
            }
            current!.digest.purchases.append(purchase)
          }
        } else {
          finish()
          if let e = entry(f) {
            currentID = e.id
            current = e.entry
            currentItems = e.items
            skipping = false
          } else {
            skipping = true
            complete = false
          }
        }
      }
      if !lines.endedWithNewline {
        current = nil
        complete = false
      }
      finish()
    }
    return (entries, complete)
  }

  /// One plan line, checked field by field.
  static func entry(_ f: [UnsafeBufferPointer<UInt8>]) -> (id: String, entry: Entry, items: Int)? {
    guard f.count == 18, text(f[0]) == "P", let items = count(f[16]) else { return nil }
    // The id is not checked here: an entry is only ever looked up by the id of a plan file
    // found in plans/ (checked there), so an entry under any other id is never used.
    let id = text(f[1])
    guard let size = count(f[2]), let mtime = whole(f[3]), let mns = count(f[4]), mns < 1_000_000_000,
      let ctime = whole(f[5]), let cns = count(f[6]), cns < 1_000_000_000, let inode = count(f[7]),
      let stakeholders = count(f[12]), let warnings = count(f[13]), let notes = count(f[14])
    else { return nil }
    let tierText = text(f[10])
    let stageText = text(f[11])
    let tier = Tier(rawValue: tierText)
    let stage = CooperationStage(rawValue: stageText)
    guard tierText.isEmpty || tier != nil, stageText.isEmpty || stage != nil else { return nil }
    guard let sections = sections(f[15]) else { return nil }
    let salesStageText = text(f[17])
    let salesStage = SalesStage(rawValue: salesStageText)
    guard salesStageText.isEmpty || salesStage != nil else { return nil }
    let stamp = Stamp(size: size, mtimeSeconds: mtime, mtimeNanos: mns, ctimeSeconds: ctime, ctimeNanos: cns, inode: UInt64(inode))
    var digest = PlanDigest(
      name: text(f[8]), updatedAt: text(f[9]), tier: tier, stage: stage, stakeholders: stakeholders, sections: sections,
      warnings: warnings, notes: notes, items: [])
    digest.salesStage = salesStage
    return (id, Entry(stamp: stamp, digest: digest), items)
  }

  /// The management line: fills the digest's fields, returns how many purchases follow.
  static func management(_ f: [UnsafeBufferPointer<UInt8>], into d: inout PlanDigest) -> Int? {
    guard f.count == 7, let purchases = count(f[6]) else { return nil }
    let tierText = text(f[1])
    let lifecycleText = text(f[2])
    let npsText = text(f[3])
    d.serviceTier = ServiceTier(rawValue: tierText)
    d.lifecycle = LifecycleStage(rawValue: lifecycleText)
    guard tierText.isEmpty || d.serviceTier != nil, lifecycleText.isEmpty || d.lifecycle != nil else { return nil }
    if !npsText.isEmpty {
      guard let n = whole(f[3]), (-100...100).contains(n) else { return nil }
      d.nps = n
    }
    let known: Set<String> = ["nps-falling", "nps-detractor-majority"]
    d.signals = text(f[4]).split(separator: ",").map(String.init)
    guard d.signals.allSatisfy(known.contains) else { return nil }
    d.complaints = text(f[5]).split(separator: ",").map(String.init)
    guard d.complaints.allSatisfy({ CalendarDay($0) != nil }) else { return nil }
    return purchases
  }

  /// One purchase line.
  static func purchase(_ f: [UnsafeBufferPointer<UInt8>]) -> DigestPurchase? {
    guard f.count == 4 else { return nil }
    let date = text(f[1])
    let currency = text(f[3])
    guard CalendarDay(date) != nil, let amount = Double(text(f[2])), amount.isFinite else { return nil }
    return DigestPurchase(date: date, amount: amount, currency: currency.isEmpty ? nil : currency)
  }

  /// `account=0.5,value=1.0`, read on the bytes (splitting it as strings was a tenth of a
  /// warm run's cache reading).
  static func sections(_ f: UnsafeBufferPointer<UInt8>) -> [String: Double]? {
    guard !f.isEmpty else { return [:] }
    // Made at its size: growing it key by key was a quarter of this (callgrind, warm agenda).
    var out = [String: Double](minimumCapacity: f.reduce(1) { $0 + ($1 == UInt8(ascii: ",") ? 1 : 0) })
    var start = 0
    while start <= f.count {
      var end = start
      while end < f.count, f[end] != UInt8(ascii: ",") { end += 1 }
      guard let eq = f[start..<end].firstIndex(of: UInt8(ascii: "=")), eq > start else { return nil }
      let key = String(decoding: UnsafeBufferPointer(rebasing: f[start..<eq]), as: UTF8.self)
      let number = UnsafeBufferPointer(rebasing: f[(eq + 1)..<end])
      guard let x = shortDecimal(number) ?? Double(String(decoding: number, as: UTF8.self)), x.isFinite, (0...1).contains(x)
      else { return nil }
      out[key] = x
      start = end + 1
    }
    return out
  }

  /// `digits.digits` whose digits make a whole number of at most 2^53 and that has at most
  /// 22 digits after the point, read exactly: both the whole number and the power of ten are
  /// exact doubles, so their one correctly rounded quotient is what `Double(String)` gives
  /// (Clinger's fast path). Nil for anything else (those take `Double(String)`). Measured:
  /// `Double(String)` made a `String` and called `strtod` for each of the 70,000 section
  /// figures of 10,000 plans, 2 % of a warm agenda.
  static func shortDecimal(_ f: UnsafeBufferPointer<UInt8>) -> Double? {
    var mantissa: UInt64 = 0
    var digits = 0
    var point = -1
    for (i, b) in f.enumerated() {
      if b == UInt8(ascii: ".") {
        guard point < 0 else { return nil }
        point = i
        continue
      }
      guard b >= 48 && b <= 57 else { return nil }
      digits += 1
      guard digits <= 19 else { return nil }
      mantissa = mantissa * 10 + UInt64(b - 48)
    }
    guard digits > 0, point != 0, point != f.count - 1, mantissa <= 1 << 53 else { return nil }
    let decimals = point < 0 ? 0 : f.count - 1 - point
    guard decimals <= 22 else { return nil }
    return Double(mantissa) / powersOfTen[decimals]
  }

  static let powersOfTen: [Double] = (0...22).map { n in (0..<n).reduce(1.0) { r, _ in r * 10 } }

  /// One item line.
  static func item(_ f: [UnsafeBufferPointer<UInt8>]) -> DigestItem? {
    guard f.count == 6, let kind = DigestItem.Kind(rawValue: text(f[1])) else { return nil }
    let date = text(f[3])
    guard CalendarDay(date) != nil || (date.count > 10 && Timestamp(iso8601: date) != nil) else { return nil }
    let owner = text(f[4])
    return DigestItem(kind: kind, id: text(f[2]), text: text(f[5]), owner: owner.isEmpty ? nil : owner, date: date)
  }

  /// The cache file's bytes for these entries, plans in id order. Over many plans the lines
  /// are made on all cores, a slice of the ids each, and joined in order: this runs on every
  /// cold view after the plans were summarised, on one core it was 5 % of a cold `agenda`
  /// over 1,000 plans (callgrind).
  static func encode(_ entries: [String: Entry], fingerprint: String) -> [UInt8] {
    var out: [UInt8] = []
    func put(_ s: String) { out.append(contentsOf: s.utf8) }
    put(magic + "\t" + String(version))
    out.append(9)
    escape(fingerprint, into: &out)
    out.append(10)
    let ids = entries.keys.sorted()
    let slice = 500
    let parts = ParallelMap.map((ids.count + slice - 1) / slice, minimumPerThread: 4) { part -> [UInt8] in
      var bytes: [UInt8] = []
      bytes.reserveCapacity(slice * 256)
      for id in ids[(part * slice)..<min(ids.count, (part + 1) * slice)] { encode(id, entries[id]!, into: &bytes) }
      return bytes
    }
    out.reserveCapacity(out.count + parts.reduce(0) { $0 + $1.count })
    for part in parts { out.append(contentsOf: part) }
    return out
  }

  /// One plan's lines.
  static func encode(_ id: String, _ e: Entry, into out: inout [UInt8]) {
    func put(_ s: String) { out.append(contentsOf: s.utf8) }
    func field(_ s: String) {
      out.append(9)
      escape(s, into: &out)
    }
    func number(_ n: some BinaryInteger) {
      out.append(9)
      put(String(n))
    }
    let d = e.digest
    let s = e.stamp
    put("P")
    field(id)
    number(s.size)
    number(s.mtimeSeconds)
    number(s.mtimeNanos)
    number(s.ctimeSeconds)
    number(s.ctimeNanos)
    number(s.inode)
    field(d.name)
    field(d.updatedAt)
    field(d.tier?.rawValue ?? "")
    field(d.stage?.rawValue ?? "")
    number(d.stakeholders)
    number(d.warnings)
    number(d.notes)
    out.append(9)
    for (i, key) in d.sections.keys.sorted().enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      put(key)
      out.append(UInt8(ascii: "="))
      put(d.sections[key]!.description)
    }
    number(d.items.count)
    field(d.salesStage?.rawValue ?? "")
    out.append(10)
    for item in d.items {
      put("I")
      field(item.kind.rawValue)
      field(item.id)
      field(item.date)
      field(item.owner ?? "")
      field(item.text)
      out.append(10)
    }
    if d.serviceTier != nil || d.lifecycle != nil || d.nps != nil || !d.signals.isEmpty || !d.complaints.isEmpty || !d.purchases.isEmpty {
      put("M")
      field(d.serviceTier?.rawValue ?? "")
      field(d.lifecycle?.rawValue ?? "")
      field(d.nps.map(String.init) ?? "")
      field(d.signals.joined(separator: ","))
      field(d.complaints.joined(separator: ","))
      number(d.purchases.count)
      out.append(10)
      for p in d.purchases {
        put("B")
        field(p.date)
        field(String(p.amount))
        field(p.currency ?? "")
        out.append(10)
      }
    }
  }

  /// `s` with `\\`, tab, line feed and carriage return escaped: the runs between them copied
  /// whole (byte by byte, escaping was a quarter of writing the cache).
  static func escape(_ s: String, into out: inout [UInt8]) {
    var s = s
    s.withUTF8 { b in
      var start = 0
      for i in 0..<b.count {
        let c = b[i]
        guard c == 92 || c == 9 || c == 10 || c == 13 else { continue }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
        out.append(92)
        switch c {
        case 9: out.append(UInt8(ascii: "t"))
        case 10: out.append(UInt8(ascii: "n"))
        case 13: out.append(UInt8(ascii: "r"))
        default: out.append(92)
        }
        start = i + 1
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<b.count]))
    }
  }

  /// A field's text, unescaped.
  static func text(_ f: UnsafeBufferPointer<UInt8>) -> String {
    guard f.contains(92) else { return String(decoding: f, as: UTF8.self) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(f.count)
    var i = 0
    while i < f.count {
      if f[i] == 92, i + 1 < f.count {
        switch f[i + 1] {
        case UInt8(ascii: "t"): bytes.append(9)
        case UInt8(ascii: "n"): bytes.append(10)
        case UInt8(ascii: "r"): bytes.append(13)
        default: bytes.append(f[i + 1])
        }
        i += 2
      } else {
        bytes.append(f[i])
        i += 1
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A whole number of 0 or more, digits only.
  static func count(_ f: UnsafeBufferPointer<UInt8>) -> Int? {
    guard !f.isEmpty, f.count <= 18 else { return nil }
    var n = 0
    for b in f {
      guard b >= 48 && b <= 57 else { return nil }
      n = n * 10 + Int(b - 48)
    }
    return n
  }

  /// A whole number, possibly negative (file times before 1970).
  static func whole(_ f: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let first = f.first, first == UInt8(ascii: "-") else { return count(f) }
    return count(UnsafeBufferPointer(rebasing: f.dropFirst())).map { -$0 }
  }

  static func fields(_ line: UnsafeBufferPointer<UInt8>) -> [UnsafeBufferPointer<UInt8>] {
    var out: [UnsafeBufferPointer<UInt8>] = []
    fields(line, into: &out)
    return out
  }

  /// The fields of a line into `out` (emptied first), which keeps its storage from line to
  /// line: a new array per line was a tenth of reading the cache (callgrind).
  static func fields(_ line: UnsafeBufferPointer<UInt8>, into out: inout [UnsafeBufferPointer<UInt8>]) {
    out.removeAll(keepingCapacity: true)
    out.reserveCapacity(18)
    var start = 0
    for i in 0..<line.count where line[i] == 9 {
      out.append(UnsafeBufferPointer(rebasing: line[start..<i]))
      start = i + 1
    }
    out.append(UnsafeBufferPointer(rebasing: line[start..<line.count]))
  }

  /// A line's tag (`P`, `I`, `M`, `B`) as its one byte, or 0: the byte itself when the field
  /// is one byte long, else its unescaped text when that is one ASCII letter.
  static func tag(_ f: UnsafeBufferPointer<UInt8>) -> UInt8 {
    if f.count == 1 { return f[0] == 92 ? 0 : f[0] }
    guard f.contains(92) else { return 0 }
    let t = Array(text(f).utf8)
    return t.count == 1 && t[0] < 0x80 && t[0] != 92 ? t[0] : 0
  }

  /// The file's stamp now (following no link), or nil when it cannot be read.
  public static func stamp(_ file: String) -> Stamp? {
    var info = stat()
    guard lstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    return Stamp(
      size: Int(info.st_size), mtimeSeconds: Int(info.st_mtim.tv_sec), mtimeNanos: Int(info.st_mtim.tv_nsec),
      ctimeSeconds: Int(info.st_ctim.tv_sec), ctimeNanos: Int(info.st_ctim.tv_nsec), inode: UInt64(info.st_ino))
  }

  /// The cached digest, if its entry still describes the file.
  public func digest(_ id: String, stamp: Stamp) -> PlanDigest? {
    guard let e = entries[id], e.stamp == stamp else { return nil }
    return e.digest
  }

  public mutating func store(_ id: String, stamp: Stamp, _ digest: PlanDigest) {
    let entry = Entry(stamp: stamp, digest: digest)
    if entries[id] != entry {
      entries[id] = entry
      changed = true
    }
  }

  /// Drops entries of plans that are gone.
  public mutating func keepOnly(_ ids: Set<String>) {
    let before = entries.count
    entries = entries.filter { ids.contains($0.key) }
    if entries.count != before { changed = true }
  }

  /// Writes the cache if anything changed; failures are ignored (it is only a cache). The
  /// JSON cache of earlier versions (`list.json`) is removed, so no stale copy of the plans'
  /// names is left behind.
  public func save() {
    guard changed else { return }
    guard (try? Sys.makeOwnDirectory(directory)) != nil else { return }
    try? DurableFile.write(Self.encode(entries, fingerprint: fingerprint), directory: directory, name: Self.fileName, keepBackup: false, durable: false)
    unlink(directory + "/list.json")
  }
}

/// Walks the lines of a buffer (without their line feeds).
struct LineCursor {
  let buffer: UnsafeBufferPointer<UInt8>
  var offset = 0
  private(set) var endedWithNewline = true

  init(_ buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }

  mutating func next() -> UnsafeBufferPointer<UInt8>? {
    guard offset < buffer.count, let base = buffer.baseAddress else { return nil }
    let rest = buffer.count - offset
    if let hit = memchr(base + offset, 10, rest) {
      let end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      let line = UnsafeBufferPointer(rebasing: buffer[offset..<end])
      offset = end + 1
      return line
    }
    let line = UnsafeBufferPointer(rebasing: buffer[offset..<buffer.count])
    offset = buffer.count
    endedWithNewline = false
    return line
  }
}
