// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "pipeline",
    products: [
        .executable(name: "pipeline", targets: ["pipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        // C libraries. Only Fetch imports CCurl and only Extract imports CLibXML2.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "CCurl",
            linkerSettings: [.linkedLibrary("curl")]
        ),
        // Only Archive/Gzip imports CZlib and CISAL, only Digests imports CLibCrypto, only
        // StateStore/SQLite imports CSQLite.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CISAL",
            pkgConfig: "libisal",
            providers: [.apt(["libisal-dev"])]
        ),
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),

        // Value types that the stages hand each other.
        .target(
            name: "PipelineModel",
            dependencies: [.product(name: "DequeModule", package: "swift-collections")]
        ),

        // The stages.
        .target(
            name: "Fetch",
            dependencies: ["CCurl", "PipelineModel", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "Entities",
            dependencies: ["PipelineModel"],
            path: "Sources/Extract/Entities",
            // Gazetteer and word lists built by scripts/build-gazetteer.py, build-names.py and build-words.py.
            resources: [.copy("Resources/places.tsv"), .copy("Resources/names.tsv"), .copy("Resources/words.txt")]
        ),
        .target(
            name: "Extract",
            dependencies: ["CLibXML2", "Entities", "PipelineModel", .product(name: "Logging", package: "swift-log")],
            exclude: ["Entities"]
        ),
        .target(
            name: "Load",
            dependencies: ["PipelineModel"]
        ),
        // Records of the run: the WARC archive of what was fetched and the state kept between runs.
        .target(
            name: "Digests",
            dependencies: ["CLibCrypto"]
        ),
        .target(
            name: "Archive",
            dependencies: ["CISAL", "CZlib", "Digests", "PipelineModel"]
        ),
        .target(
            name: "StateStore",
            dependencies: ["CSQLite", "Digests", "PipelineModel"]
        ),
        .target(
            name: "Stages",
            dependencies: ["Fetch", "Extract", "Load", "Archive", "StateStore", "PipelineModel", .product(name: "Logging", package: "swift-log")]
        ),
        .executableTarget(
            name: "pipeline",
            dependencies: [
                "Stages", "Fetch", "Extract", "Entities", "Load", "PipelineModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // The fetcher alone against a URL list, for scripts/bench-fetch.sh.
        .executableTarget(
            name: "fetch-bench",
            dependencies: ["Fetch", "PipelineModel"],
            path: "Benchmarks/FetchBench"
        ),

        // Benchmarks of single stages on one core (see scripts/bench-*.sh).
        .executableTarget(name: "extract-bench", dependencies: ["Extract", "PipelineModel"], path: "Benchmarks/ExtractBench"),
        .executableTarget(name: "entities-bench", dependencies: ["Entities"], path: "Benchmarks/EntitiesBench"),

        // Tests.
        .target(name: "TestSupport", dependencies: ["Archive", "PipelineModel"], path: "Tests/TestSupport"),
        .testTarget(name: "FetchTests", dependencies: ["Fetch", "TestSupport"]),
        .testTarget(name: "EntitiesTests", dependencies: ["Entities"]),
        .testTarget(name: "ExtractTests", dependencies: ["Extract", "TestSupport"]),
        .testTarget(name: "LoadTests", dependencies: ["Load"]),
        .testTarget(name: "StagesTests", dependencies: ["Stages", "TestSupport"]),
        .testTarget(name: "ArchiveTests", dependencies: ["Archive", "PipelineModel", "TestSupport"]),
        .testTarget(name: "StateStoreTests", dependencies: ["StateStore"]),
    ]
)

// Swift 6 language mode everywhere; these flags catch mistakes early in every target.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        // `any` makes existential costs visible at the use site.
        .enableUpcomingFeature("ExistentialAny"),
    ]
}
