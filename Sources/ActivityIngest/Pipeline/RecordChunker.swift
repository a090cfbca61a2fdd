import ActivityModel
import SyslogParsing

/// Parses messages and collects their JSON lines into ``RecordChunk``s for the writer: the per-message work shared
/// by the TCP and UDP handlers.
///
/// One chunker belongs to one channel (one thread), so its parser, record and chunk are reused without locks. A
/// chunk holds records of one archive day only; the chunker starts a new chunk when the day changes and hands full
/// ones over through ``takeChunk()``.
struct RecordChunker {
    /// A chunk is handed over once it holds this many bytes, even in the middle of a read burst.
    static let chunkTarget = 256 << 10
    /// A new chunk's allocation: the target plus room for the last record, so a chunk does not grow (a doubling
    /// would copy it and leave half unused). Only written bytes take memory (``LineBuffer`` does not zero-fill), so
    /// the small chunk of a UDP read burst costs its records, not this capacity.
    static let chunkCapacity = chunkTarget + (chunkTarget >> 2)

    private var parser: SyslogParser
    private var record = ActivityRecord()
    private var calendar: ArchiveCalendar
    private var chunk: RecordChunk?
    private var completed: [RecordChunk] = []

    init(parser: SyslogParserConfiguration, rotationTimeZone: CivilTimeZone) {
        self.parser = SyslogParser(configuration: parser)
        self.calendar = ArchiveCalendar(zone: rotationTimeZone)
    }

    /// Parses the next messages with `parser` (a reload); the records already added keep theirs.
    mutating func reconfigure(parser: SyslogParserConfiguration) {
        self.parser = SyslogParser(configuration: parser)
    }

    /// Parses one message and adds its record.
    mutating func add(_ message: UnsafeRawBufferPointer, truncated: Bool, context: ReceptionContext) {
        self.parser.parse(message, truncated: truncated, context: context, into: &self.record)
        let day = self.calendar.day(of: context.received)
        if let current = self.chunk, current.day != day {
            self.completed.append(current)
            self.chunk = nil
        }
        if self.chunk == nil {
            self.chunk = RecordChunk(day: day, capacity: Self.chunkCapacity)
        }
        self.chunk!.append(self.record)
        if self.chunk!.lines.count >= Self.chunkTarget {
            self.completed.append(self.chunk!)
            self.chunk = nil
        }
    }

    /// `true` when a full chunk is waiting to be taken.
    var hasCompletedChunk: Bool { !self.completed.isEmpty }

    /// Removes and returns every chunk: the completed ones and the one being filled.
    ///
    /// A chunk that filled less than half its allocation (the end of a short burst, a lone datagram) is copied into
    /// one of its own size first: queued chunks then take the memory `queue-size` counts, even when a disk stall
    /// lets thousands of one-record chunks wait.
    mutating func takeAll() -> [RecordChunk] {
        if var chunk = self.chunk, !chunk.isEmpty {
            if chunk.lines.count < chunk.lines.capacity / 2 { chunk.lines.shrinkToFit() }
            self.completed.append(chunk)
        }
        self.chunk = nil
        defer { self.completed.removeAll() }
        return self.completed
    }
}
