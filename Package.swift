// swift-tools-version:6.0
// Sales Coach: a line-editing REPL that coaches key-account sales reps.
// Layering (see README "How it is built"): CoachCore is pure; CoachStore owns the disk;
// CLibEdit/CLibEditShim/CoachTerminal own the terminal; CoachApp is the one command loop;
// `coach` is a few lines of entrypoint.
import PackageDescription

let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")

let package = Package(
  name: "coach",
  products: [
    .executable(name: "coach", targets: ["coach"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    // Pure: plan model, JSON, playbooks, walks, checks, scoring, rendering. No I/O.
    .target(name: "CoachCore"),
    // Disk: workspace paths, durable saves, locks, plan and playbook loading.
    .target(name: "CoachStore", dependencies: ["CoachCore"]),
    // libedit: the system library and a small C shim for its variadic calls.
    .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
    .target(name: "CLibEditShim", dependencies: ["CLibEdit"]),
    // Terminal edge: line readers, output styling, width detection.
    .target(name: "CoachTerminal", dependencies: ["CoachCore", "CLibEditShim"]),
    // The command loop and the command tree shared by argv and REPL lines.
    .target(name: "CoachApp", dependencies: ["CoachCore", "CoachStore", "CoachTerminal", "CLibEditShim", argumentParser]),
    .executableTarget(name: "coach", dependencies: ["CoachApp"]),
    // Test doubles shared by every test target.
    .target(name: "CoachTestSupport", dependencies: ["CoachApp", "CoachCore", "CoachStore", "CoachTerminal"]),
    .executableTarget(name: "coach-bench", dependencies: ["CoachCore", "CoachStore"], path: "Benchmarks/CoachBench"),
    .testTarget(name: "CoachCoreTests", dependencies: ["CoachCore", "CoachTestSupport"]),
    .testTarget(name: "CoachStoreTests", dependencies: ["CoachStore", "CoachTestSupport"]),
    .testTarget(name: "CoachTerminalTests", dependencies: ["CoachTerminal", "CLibEditShim", "CoachTestSupport"]),
    .testTarget(name: "CoachAppTests", dependencies: ["CoachApp", "CoachTerminal", "CoachTestSupport"]),
    .testTarget(name: "CoachEndToEndTests", dependencies: ["CoachTestSupport"]),
  ]
)
