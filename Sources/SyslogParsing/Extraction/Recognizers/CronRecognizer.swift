import ActivityModel

/// `cron`/`CRON` (Debian's cron), `crond`/`CROND` (cronie, on Red Hat systems) starting a job: `(USER) CMD (COMMAND)`.
///
/// ```
/// (root) CMD (run-parts /etc/cron.hourly)          job-start, user root, resource run-parts /etc/cron.hourly
/// (root) CMD (   cd / && run-parts …)             the command from its first word: the blanks are the crontab's
/// (root) CMDOUT (…)                                 a job's output: nothing
/// ```
enum CronRecognizer {
    static func recognize(_ parts: MessageParts, into fields: inout ActivityFields) -> Bool {
        var cursor = parts.cursor
        // The user ends at the first `)`: a job's output (cronie's `(root) CMDOUT (…)`) may quote a cron line.
        guard cursor.skip("(") else { return false }
        let user = cursor.upTo(byte: UInt8(ascii: ")"))
        guard !user.isEmpty, cursor.skip(") CMD ("), let close = cursor.lastIndex(of: ")", before: cursor.end) else {
            return false
        }
        cursor.skipSpaces()
        fields.offer(.user, span: user)
        fields.offer(.event, .word(Word.jobStart))
        fields.offer(.resource, span: TextSpan(start: cursor.position, end: close))
        return true
    }
}
