import Foundation
import Synchronization
import Testing

@testable import ActivityArchive

#if canImport(Glibc)
import Glibc
#endif

struct ArchiveFileTests {
    /// After a failed fdatasync the member is taken out again, so the writer's retry appends it once, not twice.
    @Test func aFailedSyncCutsTheMemberBackOut() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let syncFails = Atomic<Bool>(false)
        let file = try ArchiveFile(path: directory.file("a.gz")) {
            syncFails.load(ordering: .relaxed) ? -1 : fdatasync($0)
        }
        let first = try member(10)
        let second = try member(10, start: 10)
        try first.withUnsafeBytes { try file.append($0, sync: true) }
        syncFails.store(true, ordering: .relaxed)
        #expect(throws: ArchiveError.self) { try second.withUnsafeBytes { try file.append($0, sync: true) } }
        #expect(file.size == first.count)
        syncFails.store(false, ordering: .relaxed)
        try second.withUnsafeBytes { try file.append($0, sync: true) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file.path)) == Data(first + second))
    }

    @Test func knowsWhenItWasDeletedWhileOpen() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try ArchiveFile(path: directory.file("a.gz"))
        #expect(!file.isDeleted)
        unlink(file.path)
        #expect(file.isDeleted)
    }
}
