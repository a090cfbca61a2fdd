import ActivityModel
import Testing

@testable import ActivityArchive

/// The daily file's decisions as a value, without files: what may take a day's members, when recovery runs, when a
/// continuation is news, and what a failed or lost append leaves behind. `File` is a plain string here.
struct DailyFileStateTests {
    private typealias State = DailyFileState<String>
    private let day = ArchiveDay(CivilDate(year: 2026, month: 11, day: 26))
    private let nextDay = ArchiveDay(CivilDate(year: 2026, month: 11, day: 27))
    private let identity = FileIdentity(device: 1, inode: 2, size: 300, modified: 4)

    /// `#expect` cannot call a mutating method: these go through a local first.
    private func consider(_ state: inout State, _ path: String, _ look: State.PathLook) -> State.Candidate {
        state.consider(path, looking: look)
    }

    private func opened(_ state: inout State, _ path: String, _ day: ArchiveDay, part: Int) -> Bool {
        state.opened(path, day: day, part: part, path: path)
    }

    private func check(_ state: inout State, _ day: ArchiveDay, _ pathState: ArchiveFile.PathState) -> String? {
        state.check(day, showed: pathState)
    }

    private func appendFailed(_ state: inout State, _ day: ArchiveDay, created: Bool, size: Int) -> Bool {
        state.appendFailed(day, fileWasCreated: created, fileSize: size)
    }

    @Test func anythingButAWritableRegularFileIsPassedOverWithItsReason() {
        var state = State()
        let looks: [(State.PathLook, State.Candidate)] = [
            (.absent, .open),
            (.directory, .passOver(reason: "a directory stands under the file's name")),
            (.symbolicLink, .passOver(reason: "a symbolic link stands under the file's name")),
            (.notRegularFile, .passOver(reason: "not a regular file")),
            (.readOnly(mode: "0444"), .passOver(reason: "read-only (mode 0444)")),
            (
                .notWritable(reason: "Permission denied"),
                .passOver(reason: "not writable by this process (Permission denied)")
            ),
        ]
        for (look, expected) in looks { #expect(consider(&state, "a.gz", look) == expected, "\(look)") }
    }

    @Test func aFileIsRecoveredBeforeItsFirstAppendUnlessRecoveredAtStartAndUnchanged() {
        var state = State()
        #expect(consider(&state, "never.gz", .writable(self.identity)) == .recoverThenOpen)

        state.recoveredAtStart("same.gz", identity: self.identity)
        #expect(consider(&state, "same.gz", .writable(self.identity)) == .open, "unchanged since start")
        #expect(consider(&state, "same.gz", .writable(self.identity)) == .recoverThenOpen, "once only")

        state.recoveredAtStart("grown.gz", identity: self.identity)
        var grown = self.identity
        grown.size += 1
        #expect(consider(&state, "grown.gz", .writable(grown)) == .recoverThenOpen, "written since start")
    }

    @Test func aContinuationIsAnnouncedOnceAndTheDaysOwnFileNever() {
        var state = State()
        #expect(!opened(&state, "day.gz", self.day, part: 1))
        #expect(opened(&state, "day.2.gz", self.day, part: 2))
        #expect(!opened(&state, "day.2.gz", self.day, part: 2), "already said")
        #expect(state.file(of: self.day) == "day.2.gz")
    }

    @Test func anOpenFileIsKeptWhileUnchangedAndForgottenWithTheReasonOtherwise() {
        let changes: [(ArchiveFile.PathState, String)] = [
            (.gone, "archive file was deleted or renamed while open; writing to a new file under its name"),
            (.replaced, "archive file was replaced while open; checking the new one and appending to it"),
            (.resized(to: 7), "archive file was changed by another program while open; checking it before appending"),
            (.madeReadOnly, "archive file was made read-only while open; leaving it as it is"),
        ]
        for (change, message) in changes {
            var state = State()
            _ = state.opened("day.gz", day: self.day, part: 1, path: "day.gz")
            #expect(check(&state, self.day, .unchanged) == nil)
            #expect(state.file(of: self.day) == "day.gz")
            #expect(check(&state, self.day, change) == message)
            #expect(state.file(of: self.day) == nil, "\(change): the name is looked at again")
        }
    }

    @Test func onlyAFileThisOpenCreatedAndLeftEmptyIsRemovedAfterAFailedAppend() {
        var state = State()
        _ = state.opened("day.gz", day: self.day, part: 1, path: "day.gz")
        #expect(!appendFailed(&state, self.day, created: false, size: 0), "an operator's empty file stays")
        #expect(!appendFailed(&state, self.day, created: true, size: 120), "members already in it")
        #expect(state.file(of: self.day) == "day.gz")
        #expect(appendFailed(&state, self.day, created: true, size: 0))
        #expect(state.file(of: self.day) == nil)
    }

    @Test func aMemberAppendedToADeletedFileIsWrittenToANewOne() {
        var state = State()
        _ = state.opened("day.gz", day: self.day, part: 1, path: "day.gz")
        state.appendedToDeletedFile(self.day)
        #expect(state.file(of: self.day) == nil)
        #expect(consider(&state, "day.gz", .absent) == .open)
    }

    @Test func closingBeforeADayKeepsThatDayAndLater() {
        var state = State()
        _ = state.opened("26.gz", day: self.day, part: 1, path: "26.gz")
        _ = state.opened("27.gz", day: self.nextDay, part: 1, path: "27.gz")
        state.close(before: self.nextDay)
        #expect(state.file(of: self.day) == nil)
        #expect(state.file(of: self.nextDay) == "27.gz")
        state.closeAll()
        #expect(state.file(of: self.nextDay) == nil)
    }
}
