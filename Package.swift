// swift-tools-version:6.0
import PackageDescription

/// Settings every CXKit target shares: Swift 6 language mode (set by the tools version)
/// with complete strict concurrency, plus `ExistentialAny` so every existential is spelled
/// `any`.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "cxkit",
    platforms: [
        .macOS(.v15), .iOS(.v18), .tvOS(.v18), .watchOS(.v11), .visionOS(.v2),
    ],
    products: [
        .library(name: "CXKitCore", targets: ["CXKitCore"]),
        .library(name: "CXKitCommunity", targets: ["CXKitCommunity"]),
        .library(name: "CXKitFeedback", targets: ["CXKitFeedback"]),
        .library(name: "CXKitReturns", targets: ["CXKitReturns"]),
        .library(name: "CXKitCRM", targets: ["CXKitCRM"]),
        .library(name: "CXKitMetrics", targets: ["CXKitMetrics"]),
        .library(name: "CXKitPlatform", targets: ["CXKitPlatform"]),
        .library(name: "CXKitTesting", targets: ["CXKitTesting"]),
        .executable(name: "cxkit-demo", targets: ["cxkit-demo"]),
    ],
    dependencies: [],
    targets: [
        .target(name: "CXKitCore", swiftSettings: swiftSettings),
        .target(name: "CXKitCommunity", dependencies: ["CXKitCore"], swiftSettings: swiftSettings),
        .target(name: "CXKitFeedback", dependencies: ["CXKitCore"], swiftSettings: swiftSettings),
        .target(name: "CXKitReturns", dependencies: ["CXKitCore"], swiftSettings: swiftSettings),
        .target(name: "CXKitCRM", dependencies: ["CXKitCore"], swiftSettings: swiftSettings),
        .target(name: "CXKitMetrics", dependencies: ["CXKitCore"], swiftSettings: swiftSettings),
        .target(
            name: "CXKitPlatform",
            dependencies: [
                "CXKitCore", "CXKitCommunity", "CXKitFeedback", "CXKitReturns", "CXKitCRM",
                "CXKitMetrics",
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CXKitTesting",
            dependencies: [
                "CXKitCore", "CXKitCommunity", "CXKitFeedback", "CXKitReturns", "CXKitCRM",
                "CXKitMetrics",
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "cxkit-demo",
            dependencies: ["CXKitPlatform", "CXKitTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CXKitCoreTests", dependencies: ["CXKitCore", "CXKitTesting"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CXKitTestingTests", dependencies: ["CXKitCore", "CXKitTesting"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CXKitMetricsTests", dependencies: ["CXKitMetrics", "CXKitTesting"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CXKitReturnsTests", dependencies: ["CXKitReturns", "CXKitTesting"],
            swiftSettings: swiftSettings),
    ]
)
