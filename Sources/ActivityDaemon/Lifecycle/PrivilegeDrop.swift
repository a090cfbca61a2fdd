#if canImport(Glibc)
import Glibc
#endif

/// Switches to the configured `user` and `group` after the listening sockets are bound.
///
/// The archive directory and its files are handed to that user first, so the writer can keep creating, recovering
/// and deleting archives after the switch.
public enum PrivilegeDrop {
    /// Why the switch failed.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        public var description: String
    }

    /// The numeric ids of a user and group given by name or number.
    public static func resolve(user: String?, group: String?) throws -> (uid: uid_t?, gid: gid_t?) {
        var uid: uid_t?
        var gid: gid_t?
        if let user {
            if let number = UInt32(user) {
                uid = number
            } else if let entry = getpwnam(user) {
                uid = entry.pointee.pw_uid
                gid = entry.pointee.pw_gid
            } else {
                throw Failure(description: "user '\(user)': no such user")
            }
        }
        if let group {
            if let number = UInt32(group) {
                gid = number
            } else if let entry = getgrnam(group) {
                gid = entry.pointee.gr_gid
            } else {
                throw Failure(description: "group '\(group)': no such group")
            }
        }
        return (uid, gid)
    }

    /// Gives `paths` to the ids, then switches group and user for the whole process.
    public static func apply(uid: uid_t?, gid: gid_t?, owning paths: [String]) throws {
        guard uid != nil || gid != nil else { return }
        for path in paths where chown(path, uid ?? UInt32.max, gid ?? UInt32.max) != 0 {
            throw Failure(
                description: "cannot give \(path) to the configured user: \(String(cString: strerror(errno)))"
            )
        }
        if let gid {
            var groups = [gid]
            guard setgroups(1, &groups) == 0, setgid(gid) == 0 else {
                throw Failure(description: "cannot switch to group \(gid): \(String(cString: strerror(errno)))")
            }
        }
        if let uid, setuid(uid) != 0 {
            throw Failure(description: "cannot switch to user \(uid): \(String(cString: strerror(errno)))")
        }
    }
}
