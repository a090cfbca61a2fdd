/// Which SD-PARAM names fill the activity fields `user`, `event`, `resource` and `outcome`, in order of preference.
///
/// Names match exactly (PARAM-NAMEs are case-sensitive). The defaults are DESIGN.md's; `activitylogd.conf` can
/// replace each list.
public struct ActivityFieldCandidates: Sendable, Equatable {
    /// Candidates for `user`: who did it.
    public var user: [String]
    /// Candidates for `event`: what happened.
    public var event: [String]
    /// Candidates for `resource`: what it was done to.
    public var resource: [String]
    /// Candidates for `outcome`: success, failure, ….
    public var outcome: [String]

    /// Creates candidate lists.
    public init(user: [String], event: [String], resource: [String], outcome: [String]) {
        self.user = user
        self.event = event
        self.resource = resource
        self.outcome = outcome
    }

    /// DESIGN.md's defaults.
    public static let `default` = ActivityFieldCandidates(
        user: ["user", "uid", "usr", "account", "actor"],
        event: ["event", "action", "act", "type", "op"],
        resource: ["resource", "res", "object", "target", "path", "file"],
        outcome: ["outcome", "result", "status"]
    )
}
