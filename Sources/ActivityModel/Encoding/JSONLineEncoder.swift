/// Appends an ``ActivityRecord`` as one JSON object and a line feed to a byte array.
///
/// ```
/// {"time":"…","received":"…","facility":"auth","severity":"notice","host":"…",…,"format":"rfc5424"}\n
/// ```
///
/// Keys come in the order DESIGN.md lists them; absent fields are omitted (never `null`); `truncated` appears only
/// when `true`. Strings go through ``JSONStringEscaper``, so the line is valid UTF-8 JSON with no raw control
/// character, whatever bytes the message held. Hand-written on purpose: no `JSONEncoder`, no intermediate
/// `String`, one pass over each field.
public enum JSONLineEncoder {
    /// Appends `record` as one JSON line (object + `\n`) to `output`.
    public static func append(_ record: ActivityRecord, to output: inout [UInt8]) {
        record.bytes.withUnsafeBufferPointer { text in
            if let time = record.time, time.isRFC3339Representable {
                output.appendStatic("{\"time\":\"")
                RFC3339Formatter.append(time, to: &output)
                output.appendStatic("\",\"received\":\"")
            } else {
                output.appendStatic("{\"received\":\"")
            }
            RFC3339Formatter.append(record.received, to: &output)
            output.appendStatic("\",\"facility\":\"")
            output.appendStatic(record.facility.staticName)
            output.appendStatic("\",\"severity\":\"")
            output.appendStatic(record.severity.staticName)
            output.append(UInt8(ascii: "\""))
            Self.appendField(",\"host\":", record.host, text, to: &output)
            Self.appendField(",\"app\":", record.app, text, to: &output)
            Self.appendField(",\"procid\":", record.procid, text, to: &output)
            Self.appendField(",\"msgid\":", record.msgid, text, to: &output)
            Self.appendField(",\"user\":", record.user, text, to: &output)
            Self.appendField(",\"event\":", record.event, text, to: &output)
            Self.appendField(",\"resource\":", record.resource, text, to: &output)
            Self.appendField(",\"outcome\":", record.outcome, text, to: &output)
            if !record.structuredData.isEmpty {
                output.appendStatic(",\"sd\":")
                Self.appendStructuredData(record.structuredData, text, to: &output)
            }
            Self.appendField(",\"msg\":", record.msg, text, to: &output)
            Self.appendField(",\"source\":", record.source, text, to: &output)
            if let transport = record.transport {
                output.appendStatic(",\"transport\":\"")
                output.appendStatic(transport.staticName)
                output.append(UInt8(ascii: "\""))
            }
            output.appendStatic(",\"format\":\"")
            output.appendStatic(record.format.staticName)
            output.appendStatic(record.truncated ? "\",\"truncated\":true}\n" : "\"}\n")
        }
    }

    /// The record as one JSON line in a `String`, for tests and tools.
    public static func line(_ record: ActivityRecord) -> String {
        var bytes: [UInt8] = []
        Self.append(record, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendField(
        _ key: StaticString,
        _ span: TextSpan?,
        _ text: UnsafeBufferPointer<UInt8>,
        to output: inout [UInt8]
    ) {
        guard let span else { return }
        output.appendStatic(key)
        Self.appendString(span, text, to: &output)
    }

    private static func appendString(_ span: TextSpan, _ text: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        let bytes = UnsafeBufferPointer(rebasing: text[span.start..<span.end])
        if span.isEscapedParamValue {
            ParamValueEscapes.forEachUnescapedRun(in: bytes) { JSONStringEscaper.append($0, to: &output) }
        } else {
            JSONStringEscaper.append(bytes, to: &output)
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func appendStructuredData(
        _ data: StructuredData,
        _ text: UnsafeBufferPointer<UInt8>,
        to output: inout [UInt8]
    ) {
        output.append(UInt8(ascii: "{"))
        for (elementNumber, element) in data.elements.enumerated() {
            if elementNumber > 0 { output.append(UInt8(ascii: ",")) }
            Self.appendString(element.id, text, to: &output)
            output.appendStatic(":{")
            for paramIndex in element.params {
                let param = data.params[paramIndex]
                if paramIndex > element.params.lowerBound { output.append(UInt8(ascii: ",")) }
                Self.appendString(param.name, text, to: &output)
                output.append(UInt8(ascii: ":"))
                if param.values.count == 1 {
                    Self.appendString(data.values[param.values.lowerBound], text, to: &output)
                } else {
                    output.append(UInt8(ascii: "["))
                    for valueIndex in param.values {
                        if valueIndex > param.values.lowerBound { output.append(UInt8(ascii: ",")) }
                        Self.appendString(data.values[valueIndex], text, to: &output)
                    }
                    output.append(UInt8(ascii: "]"))
                }
            }
            output.append(UInt8(ascii: "}"))
        }
        output.append(UInt8(ascii: "}"))
    }
}
