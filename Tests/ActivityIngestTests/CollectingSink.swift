import ActivityModel
import Foundation
import Synchronization

/// A ``RecordSink`` that keeps what it is given in memory, for ingest tests that need no archive on disk.
final class CollectingSink: RecordSink {
    private let chunks = Mutex<[RecordChunk]>([])

    func submit(_ chunk: RecordChunk, from submitter: RecordSubmitter) -> RecordSubmission {
        if !chunk.isEmpty { self.chunks.withLock { $0.append(chunk) } }
        return .accepted
    }

    func whenSpaceAvailable(_ callback: @escaping @Sendable () -> Void) { callback() }

    func reportReceiveBacklog() {}

    /// Every record taken so far, decoded from its JSON line, in order.
    var records: [[String: Any]] {
        self.chunks.withLock { $0 }.flatMap { chunk in
            chunk.lines.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }.split(separator: "\n").map { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]) ?? [:]
            }
        }
    }
}
