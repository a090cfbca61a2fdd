import ActivityModel

/// The MSG/CONTENT span shared by the parsers.
enum MessageText {
    /// The bytes from `start` to the end without a leading UTF-8 BOM, or `nil` when nothing is left.
    static func span(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> TextSpan? {
        let textStart = ByteClass.skippingByteOrderMark(bytes, at: start)
        return textStart < bytes.count ? TextSpan(start: textStart, end: bytes.count) : nil
    }
}
