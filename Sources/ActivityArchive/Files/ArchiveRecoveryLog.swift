import Logging

/// The log lines of a recovery: every cut with file, offset, byte count and where the bytes were saved; damage left
/// in the middle of a file with its offset and length; a read-only file that was not cut.
enum ArchiveRecoveryLog {
    static func log(_ report: ArchiveRecovery.Report, to logger: Logger) {
        for region in report.survey.damaged {
            logger.error(
                "archive damaged in the middle; left as it is (whole members follow the damage)",
                metadata: [
                    "archive.path": "\(report.path)", "damage.offset": "\(region.offset)",
                    "damage.bytes": "\(region.length)",
                ]
            )
        }
        guard let tail = report.survey.tail else { return }
        var metadata: Logger.Metadata = [
            "archive.path": "\(report.path)", "tail.offset": "\(tail.offset)", "tail.bytes": "\(tail.length)",
            "archive.membersKept": "\(report.membersKept)",
        ]
        if report.isReadOnly {
            logger.warning("archive is read-only and does not end with a whole member; not cut", metadata: metadata)
        } else if let saved = report.savedTailPath {
            metadata["tail.savedTo"] = "\(saved)"
            logger.warning("cut torn tail of archive; the cut bytes are saved", metadata: metadata)
        } else {
            logger.warning("cut zero bytes from the end of archive", metadata: metadata)
        }
    }
}
