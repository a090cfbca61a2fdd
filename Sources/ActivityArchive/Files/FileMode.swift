#if canImport(Glibc)
import Glibc
#endif

/// Reading a file's mode bits the way the archive needs them, in one place.
enum FileMode {
    /// `true` when no write permission bit is set: an operator froze the file, and the archive never writes to or
    /// cuts it.
    static func isWriteProtected(_ mode: mode_t) -> Bool {
        mode & (S_IWUSR | S_IWGRP | S_IWOTH) == 0
    }

    /// The permission bits in octal as `ls` and `chmod` write them: `0640`, `01777`.
    static func octal(_ mode: mode_t) -> String {
        "0" + String(mode & 0o7777, radix: 8)
    }
}
