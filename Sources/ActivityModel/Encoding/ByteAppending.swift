extension Array where Element == UInt8 {
    /// Appends the UTF-8 bytes of a static string without creating a `String`.
    @inlinable
    mutating func appendStatic(_ text: StaticString) {
        self.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
