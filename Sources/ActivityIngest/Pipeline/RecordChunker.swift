import ActivityModel
import SyslogParsing

/// Parses messages and collects their JSON lines into ``RecordChunk``s for the writer: the per-message work shared
/// by the TCP and UDP handlers.
///
/// One chunker belongs to one channel (one thread), so its parser and chunk are reused without locks. Messages are
/// parsed a ``ParsedBatch`` at a time (borrowed from the thread, ``ThreadParsedBatch``): each full batch, and the
/// last one of a read at ``takeAll()``, has its activity extracted and its records encoded into the chunk. A chunk
/// holds records of one archive day only; the chunker starts a new chunk when the day changes and hands full ones
/// over through ``takeAll()``.
struct RecordChunker {
    /// A chunk is handed over once it holds this many bytes, even in the middle of a read burst.
    static let chunkTarget = 256 << 10
    /// A new chunk's allocation: the target plus room for the last record, so a chunk does not grow (a doubling
    /// would copy it and leave half unused). Only written bytes take memory (``LineBuffer`` does not zero-fill), so
    /// the small chunk of a UDP read burst costs its records, not this capacity.
    static let chunkCapacity = chunkTarget + (chunkTarget >> 2)

    private var parser: SyslogParser
    /// The thread's batch while this chunker has messages in it.
    private var batch: ParsedBatch?
    private var calendar: ArchiveCalendar
    private var chunk: RecordChunk?
    private var completed: [RecordChunk] = []

    init(parser: SyslogParserConfiguration, rotationTimeZone: CivilTimeZone) {
        self.parser = SyslogParser(configuration: parser)
        self.calendar = ArchiveCalendar(zone: rotationTimeZone)
    }

    /// Parses the next messages with `parser` (a reload); the records already added keep theirs.
    mutating func reconfigure(parser: SyslogParserConfiguration) {
        self.finishBatch()
        self.parser = SyslogParser(configuration: parser)
    }

    /// Parses one message; its record is added when its batch is finished (full, or at ``takeAll()``).
    mutating func add(_ message: UnsafeRawBufferPointer, truncated: Bool, context: ReceptionContext) {
        if self.batch == nil { self.batch = ThreadParsedBatch.borrow() }
        self.parser.parse(message, truncated: truncated, context: context, into: &self.batch!)
        if self.batch!.isFull { self.finishBatch(keepingIt: true) }
    }

    /// Extracts the activity of the batch's records and adds them to the chunks; gives the batch back to the
    /// thread unless `keepingIt` (a read that goes on).
    private mutating func finishBatch(keepingIt: Bool = false) {
        guard var batch = self.batch else { return }
        self.batch = nil
        self.parser.finish(&batch)
        batch.forEachFinished { self.append($0) }
        guard keepingIt else { return ThreadParsedBatch.giveBack(batch) }  // Which empties it.
        batch.removeAll()
        self.batch = batch
    }

    private mutating func append(_ record: borrowing ActivityRecord) {
        let day = self.calendar.day(of: record.received)
        if let current = self.chunk, current.day != day {
            self.completed.append(current)
            self.chunk = nil
        }
        if self.chunk == nil {
            self.chunk = RecordChunk(day: day, capacity: Self.chunkCapacity)
        }
        self.chunk!.append(record)
        if self.chunk!.lines.count >= Self.chunkTarget {
            self.completed.append(self.chunk!)
            self.chunk = nil
        }
    }

    /// `true` when a full chunk is waiting to be taken.
    var hasCompletedChunk: Bool { !self.completed.isEmpty }

    /// Removes and returns every chunk: the completed ones and the one being filled, after adding the records of the
    /// batch (which goes back to the thread).
    ///
    /// A chunk that filled less than half its allocation (the end of a short burst, a lone datagram) is copied into
    /// one of its own size first: queued chunks then take the memory `queue-size` counts, even when a disk stall
    /// lets thousands of one-record chunks wait.
    mutating func takeAll() -> [RecordChunk] {
        self.finishBatch()
        if var chunk = self.chunk, !chunk.isEmpty {
            if chunk.lines.count < chunk.lines.capacity / 2 { chunk.lines.shrinkToFit() }
            self.completed.append(chunk)
        }
        self.chunk = nil
        defer { self.completed.removeAll() }
        return self.completed
    }
}
