/// A growable run of encoded JSON lines: the batch that becomes one gzip member, or the CLI's output block.
///
/// The encoder knows an upper bound for each record's size before writing it, so it reserves that much once and
/// then writes through a ``ByteWriter`` with no per-byte capacity or uniqueness checks. The storage is a plain
/// `[UInt8]` kept at full length, with ``count`` marking the bytes in use. Storage is never zero-filled: the bytes
/// past ``count`` are whatever the allocator returned and are never read, so a large buffer costs memory only for
/// the pages actually written.
public struct LineBuffer: Sendable {
    private var storage: [UInt8] = []
    /// Number of bytes written.
    public private(set) var count = 0

    /// Creates an empty buffer with room for `capacity` bytes.
    public init(capacity: Int = 0) {
        self.storage = Self.uninitializedStorage(capacity, copying: [], count: 0)
    }

    /// Bytes allocated, written or not.
    public var capacity: Int { self.storage.count }

    /// Gives back the allocation beyond the written bytes (one copy of them), for a buffer that will only be read.
    public mutating func shrinkToFit() {
        guard self.storage.count > self.count else { return }
        self.storage = Self.uninitializedStorage(self.count, copying: self.storage, count: self.count)
    }

    /// `true` when nothing has been written since the last ``removeAll()``.
    public var isEmpty: Bool { self.count == 0 }

    /// Writes at most `maximumLength` bytes through a ``ByteWriter``.
    ///
    /// - Parameters:
    ///   - maximumLength: An upper bound for what `body` writes; exceeding it traps.
    ///   - body: Writes the bytes.
    public mutating func write(maximumLength: Int, _ body: (inout ByteWriter) -> Void) {
        self.reserve(maximumLength)
        let written = self.withUnsafeSpareCapacity { space in
            var writer = ByteWriter(space: space)
            body(&writer)
            return writer.position
        }
        self.count += written
    }

    /// Calls `body` with the bytes written so far.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try self.storage.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[0..<self.count])) }
    }

    /// The bytes written so far, as an array (for tests and small outputs).
    public var bytes: [UInt8] { Array(self.storage[0..<self.count]) }

    /// Forgets the written bytes, keeping the storage.
    public mutating func removeAll() {
        self.count = 0
    }

    mutating func reserve(_ additional: Int) {
        let needed = self.count + additional
        guard needed > self.storage.count else { return }
        let grown = max(needed, self.storage.count * 2, 4096)
        self.storage = Self.uninitializedStorage(grown, copying: self.storage, count: self.count)
    }

    /// A `capacity`-byte array whose first `count` bytes are those of `old`. The rest is left as allocated: `UInt8`
    /// has no invalid values and nothing reads past ``count``.
    private static func uninitializedStorage(_ capacity: Int, copying old: [UInt8], count: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initializedCount in
            old.withUnsafeBufferPointer { source in
                guard count > 0 else { return }
                buffer.baseAddress!.update(from: source.baseAddress!, count: count)
            }
            initializedCount = capacity
        }
    }

    mutating func withUnsafeSpareCapacity(_ body: (UnsafeMutableBufferPointer<UInt8>) -> Int) -> Int {
        let start = self.count
        return self.storage.withUnsafeMutableBufferPointer { all in
            body(UnsafeMutableBufferPointer(rebasing: all[start...]))
        }
    }
}

/// Writes bytes into space that ``LineBuffer/write(maximumLength:_:)`` reserved.
///
/// Every write checks the reserved bound (a wrong bound traps instead of corrupting memory); short copies are done
/// as two overlapping word copies (``copyBytes(from:to:count:)``) because a `memcpy` call costs more than the few
/// bytes of a JSON key.
public struct ByteWriter {
    /// The reserved space.
    let space: UnsafeMutableBufferPointer<UInt8>
    /// Bytes written so far.
    public internal(set) var position = 0

    init(space: UnsafeMutableBufferPointer<UInt8>) {
        self.space = space
    }

    /// Bytes still free in the reserved space.
    var remaining: Int { self.space.count - self.position }

    /// The next free byte. Callers that write through it must first check ``remaining``.
    var cursor: UnsafeMutablePointer<UInt8> { self.space.baseAddress! + self.position }

    /// Writes one byte.
    @inline(__always)
    public mutating func write(_ byte: UInt8) {
        precondition(self.position < self.space.count, "ByteWriter overflow: the reserved maximum was too small")
        self.space.baseAddress![self.position] = byte
        self.position += 1
    }

    /// Writes bytes.
    @inline(__always)
    public mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        guard count > 0, let source = bytes.baseAddress else { return }
        precondition(count <= self.remaining, "ByteWriter overflow: the reserved maximum was too small")
        copyBytes(from: source, to: self.cursor, count: count)
        self.position += count
    }

    /// Writes the UTF-8 bytes of a static string.
    @inline(__always)
    public mutating func write(_ text: StaticString) {
        self.write(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
