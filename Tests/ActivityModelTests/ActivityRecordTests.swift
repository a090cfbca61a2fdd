import ActivityModel
import Testing

struct ActivityRecordTests {
    /// One record reused for messages that grow and shrink, with appended values longer than the room kept for
    /// them: every span reads back its own text, and the text count is the message's, then the appends'.
    @Test func reusedRecordKeepsEveryTextWhileMessagesAndAppendsGrow() {
        var record = ActivityRecord()
        let long = String(repeating: "x", count: 700)
        for length in [3, 300, 10, 5000, 0, 40] {
            let message = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            message.withUnsafeBytes { record.reset(message: $0, received: Timestamp(microsecondsSinceEpoch: 0)) }
            #expect(record.textCount == length)
            let words = ["login", long, "ok", ""]
            let spans = words.map { word in Array(word.utf8).withUnsafeBytes { record.appendText($0) } }
            record.setSource("192.0.2.1")
            #expect(record.textCount == length + words.reduce(0) { $0 + $1.utf8.count } + 9)
            #expect(record.string(TextSpan(start: 0, end: length)) == String(decoding: message, as: UTF8.self))
            #expect(spans.map { record.string($0) } == words)
            #expect(record.string(\.source) == "192.0.2.1")
        }
    }

    /// A flow's endpoint is copied from the record's own text, also when that text must grow first (the copy must
    /// not read the old storage); an IPv6 address is bracketed, and a static span joins like any other.
    @Test func endpointsAreCopiedFromTheRecordsOwnText() {
        var record = ActivityRecord()
        for length in [20, 300, 20] {
            let message = Array(("8.8.8.8 53 2001:db8::5 " + String(repeating: "x", count: length)).utf8)
            message.withUnsafeBytes { record.reset(message: $0, received: Timestamp(microsecondsSinceEpoch: 0)) }
            let endpoint = record.appendEndpoint(TextSpan(start: 0, end: 7), port: TextSpan(start: 8, end: 10))
            #expect(record.string(endpoint) == "8.8.8.8:53")
            let bracketed = record.appendEndpoint(TextSpan(start: 11, end: 22), port: TextSpan(staticText: "https"))
            #expect(record.string(bracketed) == "[2001:db8::5]:https")
            #expect(record.textCount == message.count + 10 + 19)
        }
    }

    /// The room past the text may still hold an earlier, longer message: a span that strays into it traps instead of
    /// reading that message.
    @Test func aSpanPastTheTextTrapsRatherThanReadAnEarlierMessage() async {
        await #expect(processExitsWith: .failure) {
            var record = ActivityRecord()
            let received = Timestamp(microsecondsSinceEpoch: 0)
            Array("an earlier, longer message".utf8).withUnsafeBytes { record.reset(message: $0, received: received) }
            Array("short".utf8).withUnsafeBytes { record.reset(message: $0, received: received) }
            _ = record.string(TextSpan(start: 0, end: 12))
        }
    }
}
