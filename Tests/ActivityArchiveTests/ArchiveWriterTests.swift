import ActivityArchive
import ActivityModel
import ActivityRuntime
import Foundation
import Logging
import Synchronization
import Testing
import ToolRunning

#if canImport(Glibc)
import Glibc
#endif

struct ArchiveWriterTests {
    private static let day = ArchiveDay(CivilDate(year: 2026, month: 11, day: 26))

    /// A chunk of `count` records numbered from `start`, each with its number as `msg`.
    static func chunk(_ day: ArchiveDay = Self.day, count: Int, start: Int = 0) -> RecordChunk {
        var chunk = RecordChunk(day: day)
        var record = ActivityRecord()
        for number in start..<(start + count) {
            let text = Array("record \(number) ".utf8) + Array(repeating: UInt8(ascii: "x"), count: 100)
            text.withUnsafeBytes {
                record.reset(message: $0, received: Timestamp(microsecondsSinceEpoch: Int64(number)))
            }
            record.msg = TextSpan(start: 0, end: text.count)
            chunk.append(record)
        }
        return chunk
    }

    private func configuration(_ directory: String, queueSize: Int = 64 << 20) -> ArchiveConfiguration {
        ArchiveConfiguration(
            directory: directory,
            flushInterval: .milliseconds(50),
            batchSize: 64 << 10,
            queueSize: queueSize,
            fsync: .always
        )
    }

    private func numbers(inArchive path: String) throws -> [Int] {
        let text = try Tool.run(["zcat", path]).output
        return text.split(separator: "\n").map { line in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            let message = (object?["msg"] as? String) ?? ""
            return Int(message.split(separator: " ")[1])!
        }
    }

    private func startedWriter(_ directory: TemporaryDirectory) throws -> ArchiveWriter {
        let writer = try ArchiveWriter(configuration: self.configuration(directory.path), logger: Logger(label: "test"))
        try writer.start()
        return writer
    }

    /// Submits `chunk` and waits (at most 5 s) until `written` records in all are written.
    private func submitAndWait(_ writer: ArchiveWriter, _ chunk: RecordChunk, written: Int) {
        #expect(writer.submit(chunk, from: .datagram) == .accepted)
        let deadline = Date().addingTimeInterval(5)
        while writer.statistics[.recordsWritten] < written, Date() < deadline { usleep(10_000) }
    }

    @Test func writesEverySubmittedRecordInOrderAsCompleteMembers() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let writer = try ArchiveWriter(configuration: self.configuration(directory.path), logger: Logger(label: "test"))
        try writer.start()
        for batch in 0..<100 {
            #expect(writer.submit(Self.chunk(count: 100, start: batch * 100), from: .datagram) == .accepted)
        }
        writer.shutdown()
        let path = directory.file(Self.day.fileName)
        #expect(try Tool.run(["gzip", "-t", path]).status == 0)
        #expect(try self.numbers(inArchive: path) == Array(0..<10_000))
        let walk = try ArchiveScanner.walk(path: path)
        #expect(walk.members.count > 1)
        #expect(walk.members.reduce(0) { $0 + $1.extra.recordCount } == 10_000)
        #expect(writer.statistics[.recordsWritten] == 10_000)
        var mode = stat()
        stat(path, &mode)
        #expect(mode.st_mode & 0o777 == 0o640)
        stat(directory.path, &mode)
    }

    @Test func createsTheDirectoryWithMode0750() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let nested = directory.file("a/b/archive")
        _ = try ArchiveWriter(configuration: self.configuration(nested), logger: Logger(label: "test"))
        var mode = stat()
        #expect(stat(nested, &mode) == 0)
        #expect(mode.st_mode & 0o777 == 0o750)
    }

    @Test func refusesAWorldWritableDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        chmod(directory.path, 0o1777)
        let error = #expect(throws: UnsafeArchiveDirectory.self) {
            try ArchiveWriter(configuration: self.configuration(directory.path), logger: Logger(label: "test"))
        }
        let text = "\(error.map { "\($0)" } ?? "")"
        #expect(text.contains(directory.path) && text.contains("mode 01777") && text.contains("chmod o-w"), "\(text)")
    }

    @Test func refusesADirectorySymlinkOwnedBySomeoneElse() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let target = directory.file("real")
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
        let link = directory.file("archive")
        #expect(symlink(target, link) == 0)
        #expect(try ArchiveDirectory(path: link).path == link, "our own symlink is accepted")
        guard geteuid() == 0 else { return }  // only root can give the link to another user
        #expect(lchown(link, 65_534, 65_534) == 0)
        #expect(throws: UnsafeArchiveDirectory.self) { try ArchiveDirectory(path: link) }
    }

    /// A link planted under the day's name is neither followed nor removed: the day goes to a continuation file.
    @Test func neverFollowsASymlinkPlantedUnderAnArchiveName() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let victim = directory.file("victim")
        try Data("precious\n".utf8).write(to: URL(fileURLWithPath: victim))
        let archives = directory.file("archive")
        try FileManager.default.createDirectory(atPath: archives, withIntermediateDirectories: false)
        #expect(symlink(victim, "\(archives)/\(Self.day.fileName)") == 0)
        let writer = try ArchiveWriter(configuration: self.configuration(archives), logger: Logger(label: "test"))
        try writer.start()
        self.submitAndWait(writer, Self.chunk(count: 3), written: 3)
        writer.shutdown()
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n")
        #expect(try self.numbers(inArchive: "\(archives)/\(Self.day.fileName(part: 2))") == [0, 1, 2])
    }

    /// An operator deleting the archive directory while the writer runs loses only what was in it: the next member
    /// goes to a new file in the directory made again, not into the deleted file.
    @Test func aDeletedDirectoryIsMadeAgainAndWrittenTo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let writer = try self.startedWriter(directory)
        defer { writer.shutdown() }
        self.submitAndWait(writer, Self.chunk(count: 3), written: 3)
        directory.remove()
        self.submitAndWait(writer, Self.chunk(count: 4, start: 3), written: 7)
        let path = directory.file(Self.day.fileName)
        #expect(try self.numbers(inArchive: path) == [3, 4, 5, 6])
        var mode = stat()
        stat(directory.path, &mode)
        #expect(mode.st_mode & 0o777 == 0o750)
    }

    /// A crash tore today's file, after a clock that was once ahead left two later-dated files, modified "later"
    /// too: neither the latest names nor the latest modification times point at the torn file, today's date does.
    @Test func startRecoversTodaysFileBesideLaterDatedOnes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var calendar = ArchiveCalendar(zone: .utc)
        let today = directory.file(calendar.day(of: Timestamp.now()).fileName)
        try Data(try member(5) + member(5).prefix(30)).write(to: URL(fileURLWithPath: today))
        var dayAgo = [
            timespec(tv_sec: time(nil) - 86_400, tv_nsec: 0), timespec(tv_sec: time(nil) - 86_400, tv_nsec: 0),
        ]
        utimensat(AT_FDCWD, today, &dayAgo, 0)
        var yearAhead = [
            timespec(tv_sec: time(nil) + 31_536_000, tv_nsec: 0), timespec(tv_sec: time(nil) + 31_536_000, tv_nsec: 0),
        ]
        for day in [1, 2] {
            let future = directory.file(ArchiveDay(CivilDate(year: 2099, month: 1, day: day)).fileName)
            try Data(try member(5)).write(to: URL(fileURLWithPath: future))
            utimensat(AT_FDCWD, future, &yearAhead, 0)
        }
        let writer = try ArchiveWriter(configuration: self.configuration(directory.path), logger: Logger(label: "test"))
        try writer.start()
        writer.shutdown()
        #expect(try Tool.run(["gzip", "-t", today]).status == 0)
    }

    @Test func flushIntervalWritesWithoutShutdown() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let writer = try self.startedWriter(directory)
        defer { writer.shutdown() }
        self.submitAndWait(writer, Self.chunk(count: 3), written: 3)
        #expect(writer.statistics[.recordsWritten] == 3)
        #expect(try Tool.run(["gzip", "-t", directory.file(Self.day.fileName)]).status == 0)
    }

    @Test func recordsOfEachDayGoToThatDaysFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let rotations = Mutex<[ArchiveDay]>([])
        let writer = try ArchiveWriter(configuration: self.configuration(directory.path), logger: Logger(label: "test"))
        { day in
            rotations.withLock { $0.append(day) }
        }
        try writer.start()
        let next = Self.day.adding(days: 1)
        #expect(writer.submit(Self.chunk(count: 10, start: 0), from: .datagram) == .accepted)
        #expect(writer.submit(Self.chunk(next, count: 10, start: 10), from: .datagram) == .accepted)
        #expect(writer.submit(Self.chunk(count: 5, start: 20), from: .datagram) == .accepted)
        writer.shutdown()
        #expect(try self.numbers(inArchive: directory.file(Self.day.fileName)) == Array(0..<10) + Array(20..<25))
        #expect(try self.numbers(inArchive: directory.file(next.fileName)) == Array(10..<20))
        #expect(rotations.withLock { $0 } == [next])
    }

    /// The cut is counted: one tail, its bytes.
    @Test func recoversATornTailBeforeAppending() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file(Self.day.fileName)
        let torn = try member(20, start: 0)
        try Data(try member(5, start: 0) + torn.prefix(torn.count / 2)).write(to: URL(fileURLWithPath: path))
        let writer = try ArchiveWriter(configuration: self.configuration(directory.path), logger: Logger(label: "test"))
        try writer.start()
        #expect(writer.submit(Self.chunk(count: 3, start: 0), from: .datagram) == .accepted)
        writer.shutdown()
        #expect(try Tool.run(["gzip", "-t", path]).status == 0)
        #expect(try ArchiveScanner.walk(path: path).members.map(\.extra.recordCount) == [5, 3])
        #expect(writer.statistics[.tornTailsCut] == 1 && writer.statistics[.tornBytesCut] == torn.count / 2)
    }

    @Test func streamsPauseAtFourBatchesWhileDatagramsMayFillTheQueue() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var configuration = self.configuration(directory.path, queueSize: 1 << 20)
        configuration.batchSize = 4 << 10
        #expect(configuration.streamPauseBytes == 16 << 10)
        let writer = try ArchiveWriter(configuration: configuration, logger: Logger(label: "test"))
        // Not started: nothing drains.
        var streamBytes = 0
        var next = 0
        while true {
            let chunk = Self.chunk(count: 10, start: next)
            guard writer.submit(chunk, from: .stream) == .accepted else { break }
            streamBytes += chunk.lines.count
            next += 10
        }
        #expect(streamBytes >= 16 << 10 && streamBytes < (16 << 10) + 1000, "stream refused at \(streamBytes) bytes")
        var datagramBytes = 0
        while true {
            let chunk = Self.chunk(count: 10, start: next)
            guard writer.submit(chunk, from: .datagram) == .accepted else { break }
            datagramBytes += chunk.lines.count
            next += 10
        }
        #expect(streamBytes + datagramBytes >= 1 << 20, "datagrams refused at \(streamBytes + datagramBytes) bytes")
        let resumed = Mutex(false)
        writer.whenSpaceAvailable { resumed.withLock { $0 = true } }
        #expect(!resumed.withLock { $0 })
        try writer.start()
        let deadline = Date().addingTimeInterval(5)
        while !resumed.withLock({ $0 }), Date() < deadline { usleep(10_000) }
        #expect(resumed.withLock { $0 })
        writer.shutdown()
        #expect(writer.statistics[.recordsWritten] == next)
    }

    @Test func compressingThreadsAreNamedAndYieldToTheEventLoops() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let writer = try ArchiveWriter(configuration: self.configuration(directory.path), logger: Logger(label: "test"))
        try writer.start()
        defer { writer.shutdown() }
        /// (name, nice) of every thread of this process, from /proc.
        func threads() throws -> [(String, Int)] {
            try FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").map { task in
                let stat = try String(contentsOfFile: "/proc/self/task/\(task)/stat", encoding: .utf8)
                let name = stat[stat.index(after: stat.firstIndex(of: "(")!)..<stat.lastIndex(of: ")")!]
                // Fields after the name: state is field 3, nice is field 19.
                let fields = stat[stat.index(stat.lastIndex(of: ")")!, offsetBy: 2)...].split(separator: " ")
                return (String(name), Int(fields[16])!)
            }
        }
        let processNice = Int(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0))
        // Threads name themselves and set their priority as they start: give them a moment.
        var all = try threads()
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline,
            !all.contains(where: { $0.0.hasPrefix("compress-") && $0.1 == processNice + 5 })
                || !all.contains(where: { $0.0 == "archive-writer" })
        {
            usleep(10_000)
            all = try threads()
        }
        #expect(all.contains { $0.0.hasPrefix("compress-") && $0.1 == processNice + 5 }, "\(all)")
        #expect(all.contains { $0.0 == "archive-writer" && $0.1 == processNice }, "\(all)")
    }

    @Test func datagramsCannotKeepStreamsPaused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var configuration = self.configuration(directory.path, queueSize: 1 << 20)
        configuration.batchSize = 4 << 10
        let writer = try ArchiveWriter(configuration: configuration, logger: Logger(label: "test"))
        // Not started. Datagrams fill most of the queue, far past what streams may queue of their own.
        var next = 0
        var datagramBytes = 0
        while datagramBytes < 900 << 10 {
            let chunk = Self.chunk(count: 10, start: next)
            #expect(writer.submit(chunk, from: .datagram) == .accepted)
            datagramBytes += chunk.lines.count
            next += 10
        }
        // Streams count only their own bytes: still taken, and a waiting stream is not kept waiting.
        #expect(writer.submit(Self.chunk(count: 10, start: next), from: .stream) == .accepted)
        next += 10
        let called = Mutex(false)
        writer.whenSpaceAvailable { called.withLock { $0 = true } }
        #expect(called.withLock { $0 })
        try writer.start()
        writer.shutdown()
        #expect(writer.statistics[.recordsWritten] == next)
    }

    @Test func chunksSubmittedWhileShuttingDownAreWrittenOrRefusedNeverDropped() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let writer = try ArchiveWriter(configuration: self.configuration(directory.path), logger: Logger(label: "test"))
        try writer.start()
        let accepted = Mutex(0)
        let submitting = Thread {
            // Keep submitting across the shutdown: every chunk is either written or answered `.stopped`.
            var start = 0
            while true {
                switch writer.submit(Self.chunk(count: 5, start: start), from: .stream) {
                case .accepted:
                    accepted.withLock { $0 += 5 }
                    start += 5
                case .queueFull: usleep(100)
                case .stopped: return
                }
            }
        }
        submitting.start()
        usleep(50_000)
        writer.shutdown()
        while !submitting.isFinished { usleep(1000) }
        #expect(writer.statistics[.recordsWritten] == accepted.withLock { $0 })
        #expect(writer.submit(Self.chunk(count: 1), from: .datagram) == .stopped)
    }

    @Test func aReportedReceiveBacklogCompressesAtTheOverloadLevelForAWhile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var configuration = self.configuration(directory.path)
        configuration.flushInterval = .milliseconds(20)
        let writer = try ArchiveWriter(configuration: configuration, logger: Logger(label: "test"))
        try writer.start()
        func writeOneMember(start: Int) {
            let written = writer.statistics[.membersWritten]
            #expect(writer.submit(Self.chunk(count: 5, start: start), from: .datagram) == .accepted)
            let deadline = Date().addingTimeInterval(10)
            while writer.statistics[.membersWritten] == written, Date() < deadline { usleep(5_000) }
        }
        writeOneMember(start: 0)
        writer.reportReceiveBacklog()
        writeOneMember(start: 5)
        writeOneMember(start: 10)
        usleep(UInt32(ArchiveWriter.receiveBacklogHoldNanoseconds / 1000) + 100_000)
        writeOneMember(start: 15)
        writer.shutdown()
        let path = directory.file(Self.day.fileName)
        #expect(try self.numbers(inArchive: path) == Array(0..<20))
        let file = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        // XFL (header byte 8) says the level: 4 for level 1, 0 for level 6.
        let levels = try ArchiveScanner.walk(path: path).members.map { file[$0.offset + 8] }
        #expect(levels == [0, 4, 4, 0])
        #expect(writer.statistics[.membersCompressedUnderLoad] == 2)
    }

    @Test func aQueueFilledByDatagramsIsCompressedAtTheOverloadLevelUntilItDrains() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var configuration = self.configuration(directory.path, queueSize: 1 << 20)
        configuration.batchSize = 16 << 10
        let writer = try ArchiveWriter(configuration: configuration, logger: Logger(label: "test"))
        // Not started: datagrams fill the whole queue.
        var next = 0
        while writer.submit(Self.chunk(count: 10, start: next), from: .datagram) == .accepted { next += 10 }
        try writer.start()
        let deadline = Date().addingTimeInterval(10)
        while writer.statistics[.recordsWritten] < next, Date() < deadline { usleep(10_000) }
        // Drained: the next batch is back at compression-level.
        #expect(writer.submit(Self.chunk(count: 10, start: next), from: .datagram) == .accepted)
        writer.shutdown()
        let path = directory.file(Self.day.fileName)
        #expect(try Tool.run(["gzip", "-t", path]).status == 0)
        #expect(try self.numbers(inArchive: path) == Array(0..<(next + 10)))
        let file = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        // XFL (header byte 8) says the level: 4 for level 1, 0 for level 6.
        let levels = try ArchiveScanner.walk(path: path).members.map { file[$0.offset + 8] }
        #expect(levels.first == 4 && levels.last == 0, "\(levels)")
        #expect(writer.statistics[.membersCompressedUnderLoad] == levels.filter { $0 == 4 }.count)
        #expect(writer.statistics[.membersCompressedUnderLoad] > 10)
    }

    @Test func fullQueueRefusesAndCallsBackWhenThereIsRoom() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let writer = try ArchiveWriter(
            configuration: self.configuration(directory.path, queueSize: 10_000),
            logger: Logger(label: "test")
        )
        // Not started: nothing drains, so the queue fills.
        var accepted = 0
        while writer.submit(Self.chunk(count: 10, start: accepted * 10), from: .datagram) == .accepted { accepted += 1 }
        #expect(accepted > 0)
        let called = Mutex(false)
        writer.whenSpaceAvailable { called.withLock { $0 = true } }
        #expect(!called.withLock { $0 })
        try writer.start()
        let deadline = Date().addingTimeInterval(5)
        while !called.withLock({ $0 }), Date() < deadline { usleep(10_000) }
        #expect(called.withLock { $0 })
        writer.shutdown()
        #expect(writer.statistics[.recordsWritten] == accepted * 10)
    }

    @Test(.enabled(if: Tool.canMountTmpfs, "needs root to mount a small tmpfs"))
    func diskFullKeepsTheQueueLeavesNoPartialMemberAndResumes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let mountPoint = try directory.mountSmallDisk()
        defer { _ = try? Tool.run(["umount", mountPoint]) }
        let filler = "\(mountPoint)/filler"
        // Fill the disk, leaving a few kilobytes.
        _ = try Tool.run(["dd", "if=/dev/urandom", "of=\(filler)", "bs=1k", "count=240"])

        var configuration = self.configuration(mountPoint)
        configuration.compressionLevel = 1
        let writer = try ArchiveWriter(configuration: configuration, logger: Logger(label: "test"))
        try writer.start()
        var random = SystemRandomNumberGenerator()
        // Records that do not compress (random text), more than fits.
        var submitted = 0
        for batch in 0..<4 {
            var chunk = RecordChunk(day: Self.day)
            var record = ActivityRecord()
            for number in 0..<100 {
                let text =
                    Array("record \(batch * 100 + number) ".utf8)
                    + (0..<200).map { _ in UInt8.random(in: 97...122, using: &random) }
                text.withUnsafeBytes { record.reset(message: $0, received: Timestamp(microsecondsSinceEpoch: 0)) }
                record.msg = TextSpan(start: 0, end: text.count)
                chunk.append(record)
            }
            #expect(writer.submit(chunk, from: .datagram) == .accepted)
            submitted += 100
        }
        let path = "\(mountPoint)/\(Self.day.fileName)"
        let failing = Date().addingTimeInterval(10)
        while writer.statistics[.writeFailures] == 0, Date() < failing { usleep(20_000) }
        #expect(writer.statistics[.writeFailures] > 0)
        // While the disk is full the file holds only whole members.
        if FileManager.default.fileExists(atPath: path) {
            #expect(try Tool.run(["gzip", "-t", path]).status == 0)
        }
        try FileManager.default.removeItem(atPath: filler)
        let resumed = Date().addingTimeInterval(30)
        while writer.statistics[.recordsWritten] < submitted, Date() < resumed { usleep(50_000) }
        writer.shutdown()
        #expect(writer.statistics[.recordsWritten] == submitted)
        #expect(try Tool.run(["gzip", "-t", path]).status == 0)
        #expect(try self.numbers(inArchive: path).sorted() == Array(0..<submitted))
    }
}
