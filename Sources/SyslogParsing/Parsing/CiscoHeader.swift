import ActivityModel

/// The parts of a Cisco header that RFC 3164 does not know, for ``RFC3164Parser``: sequence numbers, the `logging
/// origin-id` host, a device's name before its mnemonic, a second clock or an uptime before the mnemonic, and the
/// `%FACILITY-SEVERITY-MNEMONIC` itself.
///
/// ```
/// <189>35: 000034: *Sep 23 10:15:32.123: %SYS-5-CONFIG_I: …       two sequence numbers, a clock
/// <165>7433: ASR920: 007439: 2y10w: %SEC_LOGIN-5-LOGIN_SUCCESS: …  origin-id host, a number, an uptime
/// <166>fw01 : %ASA-6-302013: …                                       a device's name, ` : `
/// <187>94307: gw2 LC/0/2/CPU0:Jul  7 20:16:14.834 : ifmgr[214]: %PKT_INFRA-LINK-3-UPDOWN : …   IOS XR: host, node
/// <134>wlc1: *apfMsConnTask_0: Apr 20 19:37:28.624: %APF-6-…: …      a wireless controller's host and task
/// ```
enum CiscoHeader {
    /// A device's name at `index` followed by its mnemonic, `HOST %…`, `HOST : %…`, `HOST :%…` or (`allowsColon`)
    /// `HOST: %…`: the name, and where what follows its space starts.
    static func deviceName(
        _ bytes: UnsafeBufferPointer<UInt8>,
        at index: Int,
        allowsColon: Bool
    ) -> (name: TextSpan, next: Int)? {
        var position = Self.endOfName(bytes, from: index)
        let name = TextSpan(start: index, end: position)
        if allowsColon, position < bytes.count, bytes[position] == UInt8(ascii: ":") { position += 1 }
        guard !name.isEmpty, position + 1 < bytes.count, bytes[position] == ByteClass.space,
            Self.isMnemonic(bytes, at: Self.skippingClock(bytes, at: position + 1))
        else { return nil }
        return (name, position + 1)
    }

    /// Skips one or two Cisco sequence numbers at `index`: IOS with a message counter and `service
    /// sequence-numbers` writes two (`35: 000034: `).
    static func skippingSequenceNumbers(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        Self.skippingSequenceNumber(bytes, at: Self.skippingSequenceNumber(bytes, at: index))
    }

    /// Skips a Cisco sequence number (`1234: `) at `index`.
    static func skippingSequenceNumber(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        var position = index
        while position < bytes.count, ByteClass.isDigit(bytes[position]) { position += 1 }
        guard position > index, position + 1 < bytes.count, bytes[position] == UInt8(ascii: ":"),
            bytes[position + 1] == ByteClass.space
        else { return index }
        return position + 2
    }

    /// IOS's `logging origin-id` host name, `HOST: ` after a sequence number (`<165>7433: ASR920: 007439: …`) or after
    /// the `:` of a message with none (`<189>: sw01: Jan  6 2022 21:01:34.964: %SYS-…`), or first (NX-OS's
    /// `<190>sw01: 2017 Jul 26 14:42:46 UTC: %AUTHPRIV-…`, which must have its clock), and where what follows it
    /// starts (its own sequence number skipped). Taken only when a mnemonic comes next, after a Cisco timestamp or
    /// uptime or none (``skippingClock(_:at:)``): a TAG such as `sshd: ` after a counter stays a TAG.
    static func originHostname(
        _ bytes: UnsafeBufferPointer<UInt8>,
        at index: Int,
        afterSequenceNumber: Bool
    ) -> (host: TextSpan, next: Int)? {
        var start = index
        // A host first, with nothing before it, is taken only with a clock after it.
        var needsClock = false
        if !afterSequenceNumber {
            if index + 1 < bytes.count, bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == ByteClass.space {
                start = index + 2
            } else {
                needsClock = true
            }
        }
        let position = Self.endOfName(bytes, from: start)
        // An uptime is no host: `007439: 2y10w: %SEC_LOGIN-…`.
        guard position > start, position + 2 < bytes.count, bytes[position] == UInt8(ascii: ":"),
            bytes[position + 1] == ByteClass.space, Self.skippingClock(bytes, at: start) == start
        else { return nil }
        let next = Self.skippingTask(bytes, at: Self.skippingSequenceNumber(bytes, at: position + 2))
        let mnemonic = Self.skippingClock(bytes, at: next)
        guard Self.isMnemonic(bytes, at: mnemonic), !needsClock || mnemonic != next else { return nil }
        return (TextSpan(start: start, end: position), next)
    }

    /// The index of the `%` of a Cisco mnemonic at `index` or after a second Cisco timestamp (`*Mar  1
    /// 00:00:46.123: `, `Mar 24 18:06:03.424 UTC: `: a relay's header came first), an uptime (`00:00:46: `,
    /// `2y10w: `) or an ASA's `: ` after its device ID; `index` itself when no mnemonic follows.
    static func skippingClock(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        // What may start a clock, an uptime, a node or an ASA's ` : `; a lower-case TAG or HOSTNAME (`sshd`, `web1`) is
        // passed over with this one test.
        guard index < bytes.count, Self.mayStartClock(bytes[index]) else { return index }
        var next = index
        if bytes[index] == UInt8(ascii: ":") {
            // The ` : ` (or ` :`) an ASA writes after its device ID: `asa01 : %ASA-6-302013: …`, maybe with its own
            // clock after it (`host1 : Sep 25 15:47:07 EDT: %ASA-…`, `<189>: 00:00:46: %LINK-…`).
            next = index + 1
            if next < bytes.count, bytes[next] == ByteClass.space { next += 1 }
            if next < bytes.count, bytes[next] != UInt8(ascii: ":") {
                let clock = Self.skippingClock(bytes, at: next)
                if clock != next { return clock }
            }
        } else if ByteClass.isDigit(bytes[index]), let fields = BSDTimestampParser.parseYearFirst(bytes, at: index) {
            // NX-OS's clock behind its host (`sw01: 2017 Jul 26 14:42:46 UTC: %AUTHPRIV-…`).
            guard let suffix = TimestampSuffix.read(bytes, at: fields.end, isCisco: true), suffix.isCiscoStyle else {
                return index
            }
            next = suffix.next - 1
        } else if ByteClass.isDigit(bytes[index]) {
            // An uptime: digits, `:` and the unit letters of `1d02h`, `2y10w`, `3w4d`.
            var position = index
            while position < bytes.count, ByteClass.isDigit(bytes[position]) || Self.isUptimeMark(bytes[position]) {
                position += 1
            }
            guard position > index + 1, bytes[position - 1] == UInt8(ascii: ":") else { return index }
            next = position
        } else {
            var position = bytes[index] == UInt8(ascii: "*") || bytes[index] == UInt8(ascii: ".") ? index + 1 : index
            // IOS XR's node before its clock, behind a relay's header: `… 52536: RP/0/RP0/CPU0:May 22 21:00:56.247 …`.
            if Self.mayStartNode(bytes, at: index), let node = Self.node(bytes, at: index), node.host == nil {
                position = node.clock
            }
            // Cisco capitalizes its months: any other TAG (`sshd[1]: `) is passed over with one test.
            guard position < bytes.count,
                let fields = ByteClass.isDigit(bytes[position])
                    ? BSDTimestampParser.parseYearFirst(bytes, at: position)
                    : Self.startsCapitalizedMonth(bytes[position])
                        ? BSDTimestampParser.parse(bytes, at: position) : nil,
                let suffix = TimestampSuffix.read(bytes, at: fields.end, isCisco: true), suffix.isCiscoStyle
            else { return index }
            next = suffix.next - 1
        }
        if next < bytes.count, bytes[next] == ByteClass.space { next += 1 }
        guard next > index + 1 || bytes[index] == UInt8(ascii: ":") else { return index }
        let mnemonic = Self.skippingProcess(bytes, at: next)
        return Self.isMnemonic(bytes, at: mnemonic) ? mnemonic : index
    }

    /// IOS XR's process and its PID before the mnemonic, `ifmgr[214]: ` (`SSHD_[68879]: `): where the mnemonic
    /// starts, or `index` when no mnemonic follows such a process.
    static func skippingProcess(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        var position = index
        while position < bytes.count, ByteClass.isPrintableASCII(bytes[position]), bytes[position] != UInt8(ascii: "["),
            bytes[position] != UInt8(ascii: ":")
        {
            position += 1
        }
        guard position > index, position < bytes.count, bytes[position] == UInt8(ascii: "[") else { return index }
        position += 1
        while position < bytes.count, ByteClass.isDigit(bytes[position]) { position += 1 }
        guard position + 2 < bytes.count, bytes[position] == UInt8(ascii: "]"),
            bytes[position + 1] == UInt8(ascii: ":"),
            bytes[position + 2] == ByteClass.space, Self.isMnemonic(bytes, at: position + 3)
        else { return index }
        return position + 3
    }

    /// Whether a Cisco mnemonic, `%FACILITY-[…-]SEVERITY-MNEMONIC: ` (IOS XR: `… : `), starts at `index`: `%`, an
    /// upper-case letter, and a severity digit between dashes before the `:`.
    static func isMnemonic(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "%"), bytes[index + 1] &- UInt8(ascii: "A") < 26
        else { return false }
        var position = index + 2
        var hasSeverity = false
        while position + 2 < bytes.count, bytes[position] != UInt8(ascii: ":"), bytes[position] != ByteClass.space {
            if bytes[position] == UInt8(ascii: "-"), ByteClass.isDigit(bytes[position + 1]),
                bytes[position + 2] == UInt8(ascii: "-")
            {
                hasSeverity = true
            }
            position += 1
        }
        if position + 1 < bytes.count, bytes[position] == ByteClass.space { position += 1 }
        return hasSeverity && position < bytes.count && bytes[position] == UInt8(ascii: ":")
    }

    /// Whether `byte` may start what ``skippingClock(_:at:)`` skips: `:`, `*`, `.`, a digit or an upper-case letter.
    @inline(__always)
    static func mayStartClock(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "A") < 26 || ByteClass.isDigit(byte) || byte == UInt8(ascii: ":")
            || byte == UInt8(ascii: "*") || byte == UInt8(ascii: ".")
    }

    /// Whether `byte` is the first letter of a capitalized month name (`Jan` … `Dec`).
    @inline(__always)
    static func startsCapitalizedMonth(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "J"), UInt8(ascii: "F"), UInt8(ascii: "M"), UInt8(ascii: "A"), UInt8(ascii: "S"),
            UInt8(ascii: "O"), UInt8(ascii: "N"), UInt8(ascii: "D"):
            true
        default: false
        }
    }

    @inline(__always)
    static func isUptimeMark(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ":"), UInt8(ascii: "y"), UInt8(ascii: "w"), UInt8(ascii: "d"), UInt8(ascii: "h"),
            UInt8(ascii: "m"):
            true
        default: false
        }
    }

    /// IOS XR's node before its clock, `RP/0/RP0/CPU0:Dec 11 …` (a `/` in it, a `:` and a capitalized month or a
    /// year right after), maybe after the device's name and a space (`gw2.acy1 LC/0/2/CPU0:Jul  7 …`): the name, and where the
    /// clock starts.
    static func node(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (host: TextSpan?, clock: Int)? {
        if let clock = Self.clockAfterNode(bytes, at: index) { return (nil, clock) }
        var position = index
        while position < bytes.count, ByteClass.isHostnameByte(bytes[position]), bytes[position] != UInt8(ascii: "/"),
            bytes[position] != UInt8(ascii: ":")
        {
            position += 1
        }
        guard position > index, position < bytes.count, bytes[position] == ByteClass.space,
            let clock = Self.clockAfterNode(bytes, at: position + 1)
        else { return nil }
        return (TextSpan(start: index, end: position), clock)
    }

    /// Whether an IOS XR node may start at `index`: its first `/` is among its second to fourth bytes (`0/RP0/CPU0`,
    /// `RP/0/RP0/CPU0`, `DRP/0/0/CPU0`), so a HOSTNAME or TAG is passed over with three tests.
    @inline(__always)
    static func mayStartNode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + 3 < bytes.count
            && (bytes[index + 1] == UInt8(ascii: "/") || bytes[index + 2] == UInt8(ascii: "/")
                || bytes[index + 3] == UInt8(ascii: "/"))
    }

    /// Where the clock starts after an IOS XR node at `index`.
    private static func clockAfterNode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        var position = index
        var hasSlash = false
        while position < bytes.count, ByteClass.isHostnameByte(bytes[position]), bytes[position] != UInt8(ascii: ":") {
            hasSlash = hasSlash || bytes[position] == UInt8(ascii: "/")
            position += 1
        }
        guard hasSlash, position + 1 < bytes.count, bytes[position] == UInt8(ascii: ":"),
            Self.startsCapitalizedMonth(bytes[position + 1]) || ByteClass.isDigit(bytes[position + 1])
        else { return nil }
        return position + 1
    }

    /// A wireless LAN controller's task before its clock, `*apfMsConnTask_0: ` (a `*`, a name, `: `): where the clock
    /// starts, or `index`.
    @inline(__always)
    static func skippingTask(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "*") else { return index }
        let position = Self.endOfName(bytes, from: index + 1)
        guard position > index + 1, position + 2 < bytes.count, bytes[position] == UInt8(ascii: ":"),
            bytes[position + 1] == ByteClass.space, Self.startsCapitalizedMonth(bytes[position + 2]),
            BSDTimestampParser.parse(bytes, at: position + 2) != nil
        else { return index }
        return position + 2
    }

    /// The end of a run of host-name bytes from `index`, a `:` ending it.
    @inline(__always)
    private static func endOfName(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        var position = index
        while position < bytes.count, ByteClass.isHostnameByte(bytes[position]), bytes[position] != UInt8(ascii: ":") {
            position += 1
        }
        return position
    }
}
