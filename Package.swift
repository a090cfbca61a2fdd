// swift-tools-version:6.0
// activitylog is licensed under the Apache License 2.0 (LICENSE).
import PackageDescription

/// Settings shared by every target: stricter language modes that catch mistakes early.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "activitylog",
    products: [
        .executable(name: "activitylog", targets: ["activitylog"]),
        .executable(name: "activitylogd", targets: ["activitylogd"]),
        .library(name: "SyslogParsing", targets: ["SyslogParsing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // Stage "record" and "encode": pure values and the JSON line encoder. No NIO, no Foundation.
        .target(name: "ActivityModel", swiftSettings: strictSettings),
        // Stage "parse": RFC 5424 -> RFC 3164 -> raw, plus the activity mapping. No NIO.
        // CLinuxShims: glibc's memmem and memrchr, which the recognizers search text with.
        .target(name: "SyslogParsing", dependencies: ["ActivityModel", "CLinuxShims"], swiftSettings: strictSettings),
        // Stage "framing": RFC 6587 octet-counting and line framing as NIO decoders, and the PROXY protocol header
        // a load balancer may put before a stream. Knows no format.
        .target(
            name: "SyslogFraming",
            dependencies: ["ActivityModel", .product(name: "NIOCore", package: "swift-nio")],
            swiftSettings: strictSettings
        ),
        // The system zlib (zlib1g-dev), with the init macros wrapped in shim.h.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // glibc's GNU extensions (thread names, CPU affinity, recvmmsg) as plain functions.
        .target(name: "CLinuxShims"),
        // Threads, locks and the monotonic clock, for the stages that run off the event loops (archive, UDP).
        .target(name: "ActivityRuntime", dependencies: ["CLinuxShims"], swiftSettings: strictSettings),
        // libdeflate, loaded at run time with dlopen (no libdeflate-dev needed to build): the default compression
        // engine and CRC-32 when the library is there, zlib otherwise.
        .target(name: "CLibdeflate", linkerSettings: [.linkedLibrary("dl")]),
        // Stages "batch", "gzip member", "daily file", "retention": archives and their readers.
        .target(
            name: "ActivityArchive",
            dependencies: [
                "ActivityModel", "ActivityRuntime", "CLibdeflate", "CZlib",
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The archive's reader: `activitylog query`, `tail` and `verify` (file and member selection by time, parallel
        // inflate in archive order, matching on the raw bytes of a line, output formats, verification).
        .target(
            name: "ActivityQuery",
            dependencies: ["ActivityArchive", "ActivityModel", "ActivityRuntime", "CLinuxShims", "SyslogParsing"],
            swiftSettings: strictSettings
        ),
        // Stage "socket": UDP and TCP listeners feeding the archive writer.
        .target(
            name: "ActivityIngest",
            dependencies: [
                "ActivityModel", "ActivityRuntime", "CLinuxShims", "SyslogFraming", "SyslogParsing",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // Wiring and operations: configuration file, service lifecycle, signals, privilege drop.
        .target(
            name: "ActivityDaemon",
            dependencies: [
                "ActivityArchive", "ActivityIngest", "ActivityModel", "ActivityRuntime", "SyslogParsing",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        // Fuzz targets for libFuzzer (scripts/fuzz.sh) and their replay tool.
        .target(
            name: "SyslogFuzzing",
            dependencies: [
                "ActivityModel", "SyslogFraming", "SyslogParsing", .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(name: "syslog-fuzz", dependencies: ["SyslogFuzzing"], swiftSettings: strictSettings),
        // Realistic generated messages for benchmarks and the load generator.
        .target(name: "SyslogCorpus", dependencies: ["ActivityModel"], swiftSettings: strictSettings),
        .executableTarget(
            name: "activitylog",
            dependencies: [
                "ActivityArchive",
                "ActivityModel",
                "ActivityQuery",
                // glibc's mallopt, for the readers of archives (MemoryReuse.swift).
                "CLinuxShims",
                // `parse --config` reads activitylogd.conf with the daemon's own reader.
                "ActivityDaemon",
                "ActivityIngest",
                "ActivityRuntime",
                "SyslogCorpus",
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
                "SyslogParsing",
                "SyslogFraming",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "activitylogd",
            dependencies: [
                "ActivityDaemon",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "activitylog-bench",
            dependencies: [
                "ActivityArchive", "ActivityModel", "ActivityRuntime", "SyslogParsing", "SyslogCorpus",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // Runs external programs (logger, zcat, the built binaries) for every test target.
        .target(name: "ToolRunning", path: "Tests/ToolRunning", swiftSettings: strictSettings),
        .testTarget(
            name: "ActivityArchiveTests",
            dependencies: [
                "ActivityArchive", "ActivityModel", "ActivityRuntime", "ToolRunning",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ActivityDaemonTests",
            dependencies: [
                "ActivityDaemon", "ActivityArchive", "ActivityIngest", "ActivityModel", "ActivityRuntime",
                "SyslogCorpus",
                "SyslogParsing",
                "activitylogd", "activitylog", "ToolRunning",
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ActivityIngestTests",
            dependencies: [
                "ActivityIngest", "ActivityArchive", "ActivityModel", "ActivityRuntime", "SyslogFraming",
                "SyslogParsing", "ToolRunning",
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                // TLS behind a PROXY header, on embedded channels.
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "SyslogFuzzingTests", dependencies: ["SyslogFuzzing"], swiftSettings: strictSettings),
        .testTarget(
            name: "ActivityQueryTests",
            dependencies: [
                "ActivityQuery", "ActivityArchive", "ActivityModel", "ActivityRuntime", "SyslogCorpus", "SyslogParsing",
                "activitylog", "ToolRunning",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "ActivityModelTests", dependencies: ["ActivityModel"], swiftSettings: strictSettings),
        .testTarget(
            name: "SyslogParsingTests",
            dependencies: ["SyslogParsing", "ActivityModel", "SyslogCorpus"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SyslogFramingTests",
            dependencies: [
                "SyslogFraming",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOTestUtils", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "activitylogTests",
            dependencies: ["activitylog", "ToolRunning"],
            swiftSettings: strictSettings
        ),
    ]
)
