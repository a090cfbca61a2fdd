import ActivityModel

/// Parses the part of an RFC 5424 message after `<PRI>1 `:
///
/// ```
/// TIMESTAMP SP HOSTNAME SP APP-NAME SP PROCID SP MSGID SP STRUCTURED-DATA [SP MSG]
/// ```
///
/// Each header field may be the NILVALUE `-` (the key is then omitted). Leniencies for real senders, each documented
/// in `activitylog(1)`:
/// - a header field longer than its ABNF maximum (255/48/128/32) is kept whole;
/// - a TIMESTAMP that is not valid RFC 3339 leaves `time` absent but the rest of the header is still read;
/// - a message that ends inside the header keeps the fields it has (no SD, no MSG);
/// - malformed STRUCTURED-DATA keeps the header, gives no `sd`, and everything from where the SD starts is `msg`.
///
/// The MSG loses a leading UTF-8 BOM; an empty MSG is absent.
enum RFC5424Parser {
    /// `true` when the bytes at `index` (just after PRI) are VERSION `1` followed by a space.
    static func accepts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + 1 < bytes.count && bytes[index] == UInt8(ascii: "1") && bytes[index + 1] == ByteClass.space
    }

    /// Parses from `start` (the byte after `<PRI>1 `) into `record`.
    static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>,
        from start: Int,
        into record: inout ActivityRecord,
        structuredData raw: inout RawStructuredData,
        mapper: ActivityMapper
    ) {
        record.format = .rfc5424
        var index = start
        let timestamp = Self.nextToken(bytes, &index)
        if Self.fieldSpan(bytes, timestamp) != nil {
            record.time = RFC3339TimestampParser.parse(bytes, in: timestamp)
        }
        guard index < bytes.count else { return }
        record.host = Self.fieldSpan(bytes, Self.nextToken(bytes, &index))
        guard index < bytes.count else { return }
        record.app = Self.fieldSpan(bytes, Self.nextToken(bytes, &index))
        guard index < bytes.count else { return }
        record.procid = Self.fieldSpan(bytes, Self.nextToken(bytes, &index))
        guard index < bytes.count else { return }
        record.msgid = Self.fieldSpan(bytes, Self.nextToken(bytes, &index))
        guard index < bytes.count else { return }
        Self.parseStructuredDataAndMessage(bytes, from: index, into: &record, raw: &raw, mapper: mapper)
    }

    /// The space-terminated token at `index`; moves `index` past it and its space (or to the end).
    private static func nextToken(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Range<Int> {
        let start = index
        let end = ByteClass.endOfToken(bytes, from: start)
        index = end < bytes.count ? end + 1 : end
        return start..<end
    }

    /// The field's span, or `nil` for the NILVALUE `-` or an empty field (two spaces in a row).
    private static func fieldSpan(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Range<Int>) -> TextSpan? {
        if token.isEmpty || (token.count == 1 && bytes[token.lowerBound] == UInt8(ascii: "-")) { return nil }
        return TextSpan(start: token.lowerBound, end: token.upperBound)
    }

    private static func parseStructuredDataAndMessage(
        _ bytes: UnsafeBufferPointer<UInt8>,
        from start: Int,
        into record: inout ActivityRecord,
        raw: inout RawStructuredData,
        mapper: ActivityMapper
    ) {
        let end = bytes.count
        var messageStart = start
        switch bytes[start] {
        case UInt8(ascii: "-") where start + 1 == end:
            return
        case UInt8(ascii: "-") where bytes[start + 1] == ByteClass.space:
            messageStart = start + 2
        case UInt8(ascii: "["):
            if let sdEnd = StructuredDataParser.parse(bytes, from: start, into: &raw),
                sdEnd == end || bytes[sdEnd] == ByteClass.space
            {
                mapper.map(raw, bytes, into: &record)
                raw.canonicalize(bytes, into: &record.structuredData)
                messageStart = sdEnd == end ? end : sdEnd + 1
            }
        default:
            break  // not "-" or "[": malformed STRUCTURED-DATA, so everything from here is MSG
        }
        record.msg = MessageText.span(bytes, from: messageStart)
    }
}
