// swift-tools-version:6.1
import PackageDescription

// The benchmarks live in their own package so the root package keeps zero dependencies.
// They measure CXKit against SQLite baselines in the same run; the system SQLite
// (`libsqlite3-dev` on Debian/Ubuntu, built into macOS) is linked here and only here.
let package = Package(
    name: "cxkit-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "cxkit", path: "../"),
        .package(
            url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite3"])]
        ),
        .target(name: "COneCore", path: "Sources/COneCore"),
        .executableTarget(
            name: "CXKitBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CXKitCore", package: "cxkit"),
                .product(name: "CXKitTesting", package: "cxkit"),
                .product(name: "CXKitMetrics", package: "cxkit"),
                .product(name: "CXKitReturns", package: "cxkit"),
                "CSQLite",
                "COneCore",
            ],
            path: "Benchmarks/CXKitBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
