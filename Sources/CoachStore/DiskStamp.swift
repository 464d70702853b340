#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// What a file on disk was when this session read or wrote it: device, inode, size,
/// modification time, and a hash of its bytes. Before each save the session compares the file
/// on disk with the stamp of the version it read, so a change by another writer (a second
/// session that got past a deleted lock, a `git pull`, an editor) is detected and not
/// overwritten. Every save makes a new inode, so a stamp that matches on inode, size and mtime
/// is the same file; when they differ the bytes are read and hashed, so a mere `touch` or a
/// copy of identical content is not taken for a change.
public struct DiskStamp: Equatable, Sendable {
  public var device: UInt64
  public var inode: UInt64
  public var size: Int
  public var mtimeSeconds: Int
  public var mtimeNanos: Int
  public var hash: UInt64

  init(_ info: stat, bytes: [UInt8]) {
    self.init(info, hash: Self.hash(bytes))
  }

  init(_ info: stat, hash: UInt64) {
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
    size = Int(info.st_size)
    mtimeSeconds = Int(info.st_mtim.tv_sec)
    mtimeNanos = Int(info.st_mtim.tv_nsec)
    self.hash = hash
  }

  /// True when `info` is very file this stamp was taken of, unchanged (no bytes read).
  func sameFile(_ info: stat) -> Bool {
    UInt64(info.st_dev) == device && UInt64(info.st_ino) == inode && Int(info.st_size) == size
      && Int(info.st_mtim.tv_sec) == mtimeSeconds && Int(info.st_mtim.tv_nsec) == mtimeNanos
  }

  /// A 64-bit hash of the bytes, eight at a time (multiply, xor-shift), with the length mixed
  /// in: not cryptographic, only to tell one version of a plan from another, and cheap enough
  /// (a fraction of a millisecond per megabyte) to run on every save.
  static func hash(_ bytes: [UInt8]) -> UInt64 {
    let k: UInt64 = 0x9E37_79B9_7F4A_7C15
    var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
    bytes.withUnsafeBytes { raw in
      let words = raw.count / 8
      for i in 0..<words {
        h = (h ^ raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) &* k
        h ^= h >> 29
      }
      for i in (words * 8)..<raw.count {
        h = (h ^ UInt64(raw[i])) &* k
        h ^= h >> 29
      }
    }
    return h
  }
}
