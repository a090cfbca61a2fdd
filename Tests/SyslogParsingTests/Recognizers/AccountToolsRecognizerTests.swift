import Testing

/// shadow-utils' account tools.
struct AccountToolsRecognizerTests {
    static let cases: [ActivityCase] = [
        ActivityCase(
            bsd(
                "useradd[1]",
                "new user: name=bob, UID=1001, GID=1001, home=/home/bob, shell=/bin/bash, from=/dev/pts/0"
            ),
            event: "user-add",
            resource: "bob"
        ),
        ActivityCase(
            bsd("useradd[1]", "new group: name=dev, GID=1002"),
            event: "group-add",
            resource: "dev"
        ),
        ActivityCase(
            bsd("groupadd[1]", "group added to /etc/group: name=ops, GID=1003"),
            event: "group-add",
            resource: "ops"
        ),
        ActivityCase(
            bsd("useradd[1]", "add 'bob' to group 'sudo'"),
            event: "user-change",
            resource: "bob"
        ),
        ActivityCase(
            bsd("userdel[1]", "delete user 'bob'"),
            event: "user-delete",
            resource: "bob"
        ),
        ActivityCase(
            bsd("userdel[1]", "removed group 'bob' owned by 'bob'"),
            event: "group-delete",
            resource: "bob"
        ),
        ActivityCase(
            bsd("usermod[1]", "change user 'bob' shell from '/bin/sh' to '/bin/bash'"),
            event: "user-change",
            resource: "bob"
        ),
        ActivityCase(
            bsd("usermod[1]", "change user 'bob' password"),
            event: "password-change",
            resource: "bob"
        ),
        ActivityCase(
            bsd("usermod[1]", "lock user 'bob' password"),
            event: "user-change",
            resource: "bob"
        ),
        ActivityCase(
            bsd("groupdel[1]", "group 'dev' removed"),
            event: "group-delete",
            resource: "dev"
        ),
        ActivityCase(
            bsd("groupdel[1]", "group 'dev' removed from /etc/group"),
            event: "group-delete",
            resource: "dev"
        ),
        ActivityCase(
            bsd("passwd[1]", "password for 'bob' changed by 'root'"),
            user: "root",
            event: "password-change",
            resource: "bob"
        ),
        // gpasswd names who changed the membership.
        ActivityCase(
            bsd("gpasswd[3456789]", "user alice added by root to group sudo"),
            user: "root",
            event: "user-change",
            resource: "alice"
        ),
        ActivityCase(
            bsd("gpasswd[1]", "user alice removed by admin from group docker"),
            user: "admin",
            event: "user-change",
            resource: "alice"
        ),
        ActivityCase(bsd("gpasswd[1]", "user alice added by root")),
        ActivityCase(
            bsd("useradd[1]", "failed adding user 'bob', data deleted"),
            event: "user-add",
            resource: "bob",
            outcome: "failure"
        ),
        ActivityCase(bsd("passwd[1]", "gkr-pam: couldn't update the login keyring password")),
    ]

    @Test(arguments: Self.cases)
    func recognizes(_ row: ActivityCase) throws {
        try row.verify()
    }
}
