/// Which SD-PARAM names fill the activity fields `user`, `event`, `resource`, `outcome` and `client`, in order of
/// preference.
///
/// Names match exactly (PARAM-NAMEs are case-sensitive). `activitylogd.conf` can replace each list (`map-user`, …).
public struct ActivityFieldCandidates: Sendable, Equatable {
    /// Candidates for `user`: who did it.
    public var user: [String]
    /// Candidates for `event`: what happened.
    public var event: [String]
    /// Candidates for `resource`: what it was done to.
    public var resource: [String]
    /// Candidates for `outcome`: success, failure, ….
    public var outcome: [String]
    /// Candidates for `client`: where the activity came from.
    public var client: [String]

    /// Creates candidate lists.
    public init(user: [String], event: [String], resource: [String], outcome: [String], client: [String]) {
        self.user = user
        self.event = event
        self.resource = resource
        self.outcome = outcome
        self.client = client
    }

    /// The defaults (activitylogd.conf(5), `map-user` and the rest).
    public static let `default` = ActivityFieldCandidates(
        user: ["user", "uid", "usr", "account", "actor"],
        event: ["event", "action", "act", "type", "op"],
        resource: ["resource", "res", "object", "target", "path", "file"],
        outcome: ["outcome", "result", "status"],
        client: ["client", "src", "srcip", "rhost", "addr"]
    )
}
