#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Runs independent pieces of work (reading many plans) on the machine's cores with plain
/// threads, keeping the results in order. Small jobs stay on the calling thread.
public enum ParallelMap {
  public static func map<T: Sendable>(_ count: Int, minimumPerThread: Int = 200, _ body: @escaping @Sendable (Int) -> T) -> [T] {
    let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    let threads = min(cores, 8, count / max(1, minimumPerThread))
    guard threads > 1 else { return (0..<count).map(body) }
    let results = ResultBox<T>(count: count)
    let size = (count + threads - 1) / threads
    let slice: @Sendable (Int) -> Void = { t in
      let start = t * size
      let end = min(count, start + size)
      guard start < end else { return }
      for i in start..<end { results.set(i, body(i)) }
    }
    var started: [pthread_t] = []
    for t in 1..<threads {
      var id = pthread_t()
      let work = Unmanaged.passRetained(SliceWork(run: slice, index: t)).toOpaque()
      if pthread_create(&id, nil, parallelMapThreadEntry, work) == 0 {
        started.append(id)
      } else {
        Unmanaged<SliceWork>.fromOpaque(work).release()
        slice(t)
      }
    }
    slice(0)
    for id in started { pthread_join(id, nil) }
    return results.values()
  }
}

/// One thread's part of the work.
final class SliceWork: @unchecked Sendable {
  let run: @Sendable (Int) -> Void
  let index: Int
  init(run: @escaping @Sendable (Int) -> Void, index: Int) {
    self.run = run
    self.index = index
  }
}

/// The results, written by several threads: each writes only the indexes of its own slice,
/// into storage allocated before the threads start.
final class ResultBox<T>: @unchecked Sendable {
  private let storage: UnsafeMutablePointer<T?>
  private let count: Int

  init(count: Int) {
    self.count = count
    storage = .allocate(capacity: count)
    storage.initialize(repeating: nil, count: count)
  }

  func set(_ i: Int, _ value: T) { storage[i] = value }

  func values() -> [T] { (0..<count).map { storage[$0]! } }

  deinit {
    storage.deinitialize(count: count)
    storage.deallocate()
  }
}

private func parallelMapThreadEntry(_ raw: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
  let work = Unmanaged<SliceWork>.fromOpaque(raw!).takeRetainedValue()
  work.run(work.index)
  return nil
}
