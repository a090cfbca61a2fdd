import NIOPosix
import SyslogParsing

/// One ``ParsedBatch`` per thread, lent to the ``RecordChunker`` that is parsing on it.
///
/// A batch's records grow to the messages they held, so a batch per connection would pin tens of kilobytes on each
/// of thousands of idle connections. A thread (an event loop, a datagram receiver) parses for one connection at a
/// time, so it keeps one batch and lends it out: a chunker borrows it for the messages of a read and gives it back
/// empty when it hands its chunks over. A chunker that has not given it back yet never shares it: the next borrower
/// on the thread gets a new batch.
enum ThreadParsedBatch {
    /// Holds a thread's batch while no chunker has it. Only its own thread reads or writes it.
    private final class Slot: @unchecked Sendable {
        var batch: ParsedBatch?

        init(_ batch: ParsedBatch?) {
            self.batch = batch
        }
    }

    private static let slot = ThreadSpecificVariable<Slot>()

    /// The thread's batch, or a new one if it is lent out already.
    static func borrow() -> ParsedBatch {
        guard let slot = Self.slot.currentValue, let batch = slot.batch else { return ParsedBatch() }
        slot.batch = nil
        return batch
    }

    /// Keeps `batch`, emptied, as the thread's batch unless the thread has one again.
    static func giveBack(_ batch: consuming ParsedBatch) {
        batch.removeAll()
        guard let slot = Self.slot.currentValue else {
            Self.slot.currentValue = Slot(batch)
            return
        }
        if slot.batch == nil { slot.batch = batch }
    }
}
