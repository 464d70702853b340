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

  /// FNV-1a, 64-bit: not cryptographic, only to tell one version of a plan from another.
  static func hash(_ bytes: [UInt8]) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    bytes.withUnsafeBufferPointer { buffer in
      for b in buffer {
        h ^= UInt64(b)
        h = h &* 0x0000_0100_0000_01B3
      }
    }
    return h
  }
}
