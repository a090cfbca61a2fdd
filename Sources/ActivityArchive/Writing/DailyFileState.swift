import ActivityModel

/// The decisions behind ``DailyArchiveFiles``, with no system call in them: which file a day's members go to, when
/// a file must be recovered before its first append, when an unusable file is passed over for a continuation (and
/// whether that is still news), and what an append that failed or landed in a deleted file leaves behind.
///
/// ``DailyArchiveFiles`` looks at the file system, tells this value what it saw, and carries out the answer, so every
/// rule here is tested without a file (`WriterStateTests`). `File` is what the shell keeps open per day
/// (``ArchiveFile``).
struct DailyFileState<File> {
    /// What stands under a file's name, as `lstat` and `access` show it.
    enum PathLook: Equatable {
        case absent
        case directory
        case symbolicLink
        case notRegularFile
        /// A regular file with every write permission bit cleared (`chmod 0444`); `mode` in octal.
        case readOnly(mode: String)
        /// A regular file this process may not write for another reason (`access` said why).
        case notWritable(reason: String)
        /// A regular file this process may append to, with its identity (`nil` if it changed while looked at).
        case writable(FileIdentity?)
    }

    /// What to do with one candidate file of a day (the day's name, then its continuations `.2`, `.3`, …).
    enum Candidate: Equatable {
        /// Not to be written: go on to the next part, and say why if none is usable.
        case passOver(reason: String)
        /// Open it (create it when absent) and append.
        case open
        /// Recover it first (cut a torn tail), then open it and append.
        case recoverThenOpen
    }

    /// The most continuations tried for one day before giving up.
    static var maximumParts: Int { 999 }

    private var files: [ArchiveDay: File] = [:]
    /// Files recovered at start, with the identity they had then: not recovered again at first open if unchanged.
    private var recovered: [String: FileIdentity] = [:]
    /// Continuations in use, so the reason for one is logged once and not per member.
    private var announced: Set<String> = []

    /// `path` was recovered at start and then had `identity`.
    mutating func recoveredAtStart(_ path: String, identity: FileIdentity?) {
        self.recovered[path] = identity
    }

    /// The file open for `day`, if any.
    func file(of day: ArchiveDay) -> File? { self.files[day] }

    /// The open file of `day` showed `state` under its name before an append.
    ///
    /// - Returns: `nil` to go on with it; otherwise what happened, to log, and the file is forgotten so that the day's
    ///   name is looked at again.
    mutating func check(_ day: ArchiveDay, showed state: ArchiveFile.PathState) -> String? {
        let change: String? =
            switch state {
            case .unchanged: nil
            case .gone: "archive file was deleted or renamed while open; writing to a new file under its name"
            case .replaced: "archive file was replaced while open; checking the new one and appending to it"
            case .resized: "archive file was changed by another program while open; checking it before appending"
            case .madeReadOnly: "archive file was made read-only while open; leaving it as it is"
            }
        if change != nil { self.files.removeValue(forKey: day) }
        return change
    }

    /// Whether the file at `path`, which looks like `look`, may take the day's members.
    mutating func consider(_ path: String, looking look: PathLook) -> Candidate {
        switch look {
        case .absent: return .open
        case .directory: return .passOver(reason: "a directory stands under the file's name")
        case .symbolicLink: return .passOver(reason: "a symbolic link stands under the file's name")
        case .notRegularFile: return .passOver(reason: "not a regular file")
        case .readOnly(let mode): return .passOver(reason: "read-only (mode \(mode))")
        case .notWritable(let reason): return .passOver(reason: "not writable by this process (\(reason))")
        case .writable(let identity):
            let recoveredUnchanged = self.recovered.removeValue(forKey: path) == identity
            return recoveredUnchanged ? .open : .recoverThenOpen
        }
    }

    /// `file`, at `path`, part `part` of `day`, was opened for the day's members.
    ///
    /// - Returns: `true` for a continuation not announced yet: the shell logs why the parts before it were passed
    ///   over, once, and not per member.
    mutating func opened(_ file: File, day: ArchiveDay, part: Int, path: String) -> Bool {
        self.files[day] = file
        return part > 1 && self.announced.insert(path).inserted
    }

    /// An append to `day`'s file failed.
    ///
    /// - Returns: `true` when the file must be removed: this open created it and it is still empty, and an empty
    ///   archive (which `gzip -t` rejects) must not be left behind while the disk is full.
    mutating func appendFailed(_ day: ArchiveDay, fileWasCreated: Bool, fileSize: Int) -> Bool {
        guard fileWasCreated, fileSize == 0 else { return false }
        self.files.removeValue(forKey: day)
        return true
    }

    /// The member just appended to `day`'s file went to a file deleted meanwhile, which nobody can read: forget the
    /// file, so that the member is written again to a new one.
    mutating func appendedToDeletedFile(_ day: ArchiveDay) {
        self.files.removeValue(forKey: day)
    }

    /// Forgets the files of days before `day` (closing them).
    mutating func close(before day: ArchiveDay) {
        for openDay in self.files.keys where openDay < day { self.files.removeValue(forKey: openDay) }
    }

    /// Forgets every file (closing them).
    mutating func closeAll() { self.files.removeAll() }
}
