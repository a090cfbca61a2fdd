import CLibdeflate

#if canImport(Glibc)
import Glibc
#endif

/// libdeflate, loaded once at run time (`libdeflate.so.0`, the Debian package `libdeflate0`): the build needs no
/// development files, and a machine without the library compresses with zlib instead.
///
/// `ACTIVITYLOG_LIBDEFLATE`, when set, names the library file to load instead (tests point it at a missing file to
/// take the zlib path).
public enum Libdeflate {
    /// Whether the library is loaded; `nil` when it is, else why not.
    public static let loadError: String? = {
        let path = getenv("ACTIVITYLOG_LIBDEFLATE").map { String(cString: $0) }
        guard cld_load(path) == 0 else { return nil }
        return cld_error().map { String(cString: $0) } ?? "cannot load libdeflate"
    }()

    /// Whether libdeflate can be used.
    public static var isAvailable: Bool { Self.loadError == nil }
}
