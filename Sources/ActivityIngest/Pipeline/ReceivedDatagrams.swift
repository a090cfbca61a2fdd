import CLinuxShims

#if canImport(Glibc)
import Glibc
#endif

/// Room for one vector read (`recvmmsg`) of up to ``capacity`` datagrams, reused read after read: the bytes of each
/// in a slot of its own, its length, whether it was cut, and its sender.
struct ReceivedDatagrams: ~Copyable {
    /// Datagrams per read.
    static let capacity = 32

    /// Datagrams from the last read.
    private(set) var count = 0
    let slotSize: Int
    private let storage: UnsafeMutableRawBufferPointer
    private let lengths: UnsafeMutableBufferPointer<UInt>
    private let truncated: UnsafeMutableBufferPointer<Int32>
    private let senders: UnsafeMutableBufferPointer<sockaddr_storage>

    /// - Parameter slotSize: The most bytes kept of one datagram; a longer one is flagged truncated.
    init(slotSize: Int) {
        self.slotSize = slotSize
        self.storage = .allocate(byteCount: slotSize * Self.capacity, alignment: 16)
        self.lengths = .allocate(capacity: Self.capacity)
        self.truncated = .allocate(capacity: Self.capacity)
        self.senders = .allocate(capacity: Self.capacity)
        self.lengths.initialize(repeating: 0)
        self.truncated.initialize(repeating: 0)
        self.senders.initialize(repeating: sockaddr_storage())
    }

    deinit {
        self.storage.deallocate()
        self.lengths.deallocate()
        self.truncated.deallocate()
        self.senders.deallocate()
    }

    /// Reads what `descriptor` holds, up to ``capacity`` datagrams, waiting (up to the socket's receive timeout) for
    /// the first only.
    ///
    /// - Returns: `false` when nothing arrived (the wait timed out or was interrupted); `errno` tells which.
    mutating func receive(from descriptor: Int32) -> Bool {
        let received = clinux_receive_datagrams(
            descriptor,
            self.storage.baseAddress!.assumingMemoryBound(to: UInt8.self),
            UInt(self.slotSize),
            UInt32(Self.capacity),
            self.lengths.baseAddress,
            self.truncated.baseAddress,
            self.senders.baseAddress
        )
        self.count = max(Int(received), 0)
        return received > 0
    }

    /// The bytes of datagram `index` (at most the slot size).
    func bytes(_ index: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(
            start: self.storage.baseAddress! + index * self.slotSize,
            count: Int(self.lengths[index])
        )
    }

    /// `true` when datagram `index` was longer than its slot.
    func isTruncated(_ index: Int) -> Bool { self.truncated[index] != 0 }

    /// The sender of datagram `index`.
    func sender(_ index: Int) -> UnsafePointer<sockaddr_storage> { UnsafePointer(self.senders.baseAddress! + index) }
}
