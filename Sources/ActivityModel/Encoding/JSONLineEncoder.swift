/// Appends an ``ActivityRecord`` as one JSON object and a line feed to a ``LineBuffer``.
///
/// ```
/// {"time":"…","received":"…","facility":"auth","severity":"notice","host":"…",…,"format":"rfc5424"}\n
/// ```
///
/// Keys come in the order docs/design.md lists them; absent fields are omitted (never `null`); `truncated` appears only
/// when `true`. Strings go through ``JSONStringEscaper``, so the line is valid UTF-8 JSON with no raw control
/// character, whatever bytes the message held. Hand-written on purpose: no `JSONEncoder`, no intermediate
/// `String`, one pass over each field, one capacity check per record.
public enum JSONLineEncoder {
    /// Appends `record` as one JSON line (object + `\n`) to `output`.
    public static func append(_ record: ActivityRecord, to output: inout LineBuffer) {
        output.write(maximumLength: Self.maximumLength(of: record)) { writer in
            record.withUnsafeText { text in
                Self.write(record, text, to: &writer)
            }
        }
    }

    /// The record as one JSON line in a `String`, for tests and tools.
    public static func line(_ record: ActivityRecord) -> String {
        var buffer = LineBuffer()
        Self.append(record, to: &buffer)
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    private static func write(_ record: ActivityRecord, _ text: UnsafeBufferPointer<UInt8>, to writer: inout ByteWriter)
    {
        if let time = record.time, time.isRFC3339Representable {
            writer.write("{\"time\":\"")
            RFC3339Formatter.write(time, to: &writer)
            writer.write("\",\"received\":\"")
        } else {
            writer.write("{\"received\":\"")
        }
        RFC3339Formatter.write(record.received, to: &writer)
        writer.write("\",\"facility\":\"")
        writer.write(record.facility.staticName)
        writer.write("\",\"severity\":\"")
        writer.write(record.severity.staticName)
        writer.write(UInt8(ascii: "\""))
        Self.writeField(",\"host\":\"", record.host, text, to: &writer)
        Self.writeField(",\"app\":\"", record.app, text, to: &writer)
        Self.writeField(",\"procid\":\"", record.procid, text, to: &writer)
        Self.writeField(",\"msgid\":\"", record.msgid, text, to: &writer)
        Self.writeField(",\"user\":\"", record.user, text, to: &writer)
        Self.writeField(",\"event\":\"", record.event, text, to: &writer)
        Self.writeField(",\"resource\":\"", record.resource, text, to: &writer)
        Self.writeField(",\"outcome\":\"", record.outcome, text, to: &writer)
        Self.writeField(",\"client\":\"", record.client, text, to: &writer)
        if !record.structuredData.isEmpty {
            writer.write(",\"sd\":")
            Self.writeStructuredData(record.structuredData, text, to: &writer)
        }
        Self.writeField(",\"msg\":\"", record.msg, text, to: &writer)
        Self.writeField(",\"source\":\"", record.source, text, to: &writer)
        if let transport = record.transport {
            writer.write(",\"transport\":\"")
            writer.write(transport.staticName)
            writer.write(UInt8(ascii: "\""))
        }
        writer.write(",\"format\":\"")
        writer.write(record.format.staticName)
        writer.write(record.truncated ? "\",\"truncated\":true}\n" : "\"}\n")
    }

    /// An upper bound for the encoded size: fixed keys and values, plus every span at its worst-case expansion.
    private static func maximumLength(of record: ActivityRecord) -> Int {
        let expansion = JSONStringEscaper.maximumExpansion
        @inline(__always) func size(_ span: TextSpan?) -> Int { span?.count ?? 0 }
        let fieldBytes =
            size(record.host) + size(record.app) + size(record.procid) + size(record.msgid) + size(record.user)
            + size(record.event) + size(record.resource) + size(record.outcome) + size(record.client)
            + size(record.msg)
            + size(record.source)
        var length = 512 + fieldBytes * expansion
        let data = record.structuredData
        for element in data.elements { length += element.id.count * expansion + 8 }
        for param in data.params { length += param.name.count * expansion + 8 }
        for value in data.values { length += value.count * expansion + 3 }
        return length
    }

    /// Writes `key` (which ends with the value's opening quote) and the span as a JSON string, if there is one.
    @inline(__always)
    private static func writeField(
        _ key: StaticString,
        _ span: TextSpan?,
        _ text: UnsafeBufferPointer<UInt8>,
        to writer: inout ByteWriter
    ) {
        guard let span else { return }
        writer.write(key)
        Self.writeContents(span, text, to: &writer)
        writer.write(UInt8(ascii: "\""))
    }

    @inline(__always)
    private static func writeString(_ span: TextSpan, _ text: UnsafeBufferPointer<UInt8>, to writer: inout ByteWriter) {
        writer.write(UInt8(ascii: "\""))
        Self.writeContents(span, text, to: &writer)
        writer.write(UInt8(ascii: "\""))
    }

    /// Writes the span's text escaped, without quotes: a short plain text (most fields) inline, anything else through
    /// ``writeEscaped(_:_:to:)``, out of line, so the escaper is inlined in one place and a short field pays no call.
    @inline(__always)
    private static func writeContents(
        _ span: TextSpan,
        _ text: UnsafeBufferPointer<UInt8>,
        to writer: inout ByteWriter
    ) {
        let bytes = span.bytes(in: text)
        if span.isEscapedParamValue || !JSONStringEscaper.writeShortPlain(bytes, to: &writer) {
            Self.writeEscaped(span, bytes, to: &writer)
        }
    }

    /// Writes `bytes`, the text of `span`, escaped, removing PARAM-VALUE escapes first when the span has them.
    @inline(never)
    private static func writeEscaped(
        _ span: TextSpan,
        _ bytes: UnsafeBufferPointer<UInt8>,
        to writer: inout ByteWriter
    ) {
        if span.isEscapedParamValue {
            ParamValueEscapes.forEachUnescapedRun(in: bytes) { JSONStringEscaper.write($0, to: &writer) }
        } else {
            JSONStringEscaper.write(bytes, to: &writer)
        }
    }

    private static func writeStructuredData(
        _ data: StructuredData,
        _ text: UnsafeBufferPointer<UInt8>,
        to writer: inout ByteWriter
    ) {
        writer.write(UInt8(ascii: "{"))
        for (elementNumber, element) in data.elements.enumerated() {
            if elementNumber > 0 { writer.write(UInt8(ascii: ",")) }
            Self.writeString(element.id, text, to: &writer)
            writer.write(":{")
            for paramIndex in element.params {
                let param = data.params[paramIndex]
                if paramIndex > element.params.lowerBound { writer.write(UInt8(ascii: ",")) }
                Self.writeString(param.name, text, to: &writer)
                writer.write(UInt8(ascii: ":"))
                if param.values.count == 1 {
                    Self.writeString(data.values[param.values.lowerBound], text, to: &writer)
                } else {
                    writer.write(UInt8(ascii: "["))
                    for valueIndex in param.values {
                        if valueIndex > param.values.lowerBound { writer.write(UInt8(ascii: ",")) }
                        Self.writeString(data.values[valueIndex], text, to: &writer)
                    }
                    writer.write(UInt8(ascii: "]"))
                }
            }
            writer.write(UInt8(ascii: "}"))
        }
        writer.write(UInt8(ascii: "}"))
    }
}
