import ActivityArchive
import ActivityModel
import Foundation
import Testing
import ToolRunning

/// A fresh directory under the system temporary directory, removed by ``remove()``.
struct TemporaryDirectory {
    let path: String

    init() throws {
        self.path =
            FileManager.default.temporaryDirectory.appendingPathComponent("activitylog-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: self.path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { "\(self.path)/\(name)" }

    func remove() { try? FileManager.default.removeItem(atPath: self.path) }

    /// Mounts a 256 KiB tmpfs (mode 0750) on `disk` inside the directory and returns its path; the caller unmounts
    /// it. Needs root.
    func mountSmallDisk() throws -> String {
        let mountPoint = self.file("disk")
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        try Tool.mountTmpfs(at: mountPoint, size: "256k")
        return mountPoint
    }
}

/// `count` JSON lines like the encoder writes, numbered from `start`.
func jsonLines(_ count: Int, start: Int = 0) -> [UInt8] {
    (start..<(start + count)).flatMap {
        Array("{\"received\":\"2026-11-26T14:41:09.120000Z\",\"msg\":\"record \($0)\"}\n".utf8)
    }
}

/// One member of `count` lines as bytes.
func member(_ count: Int, start: Int = 0, level: Int = 6, engine: CompressionEngine = .libdeflate) throws -> [UInt8] {
    let lines = jsonLines(count, start: start)
    let compressor = try engine.makeCompressor(level: level)
    return try lines.withUnsafeBytes {
        try GzipMember.encode(
            lines: $0,
            recordCount: count,
            firstReceived: Timestamp(microsecondsSinceEpoch: Int64(start)),
            lastReceived: Timestamp(microsecondsSinceEpoch: Int64(start + count - 1)),
            compressor: compressor
        ).bytes
    }
}

/// A chunk of `records` empty records of `day`, received one microsecond apart from `firstMicros`.
func recordChunk(_ day: ArchiveDay, records: Int, firstMicros: Int64 = 0) -> RecordChunk {
    var chunk = RecordChunk(day: day)
    var record = ActivityRecord()
    for index in 0..<records {
        record.received = Timestamp(microsecondsSinceEpoch: firstMicros + Int64(index))
        chunk.append(record)
    }
    return chunk
}
