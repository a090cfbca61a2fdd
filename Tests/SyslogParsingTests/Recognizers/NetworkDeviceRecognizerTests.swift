import Testing

/// Cisco IOS mnemonics (in `app` or after a second timestamp in `msg`) and Junos events (by tag or MSGID).
struct NetworkDeviceRecognizerTests {
    static let cases: [ActivityCase] = [
        ActivityCase(
            "<189>Dec  6 10:01:02 10.1.1.254 %SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: admin] [Source: 10.1.1.1] [localport: 22] at 10:01:02 UTC Sun Dec 6 2026",
            user: "admin",
            event: "login",
            outcome: "success",
            client: "10.1.1.1"
        ),
        ActivityCase(
            "<188>Dec  6 10:01:02 10.1.1.254 %SEC_LOGIN-4-LOGIN_FAILED: Login failed [user: admin] [Source: 10.1.1.1] [localport: 23] [Reason: Login Authentication Failed] at 10:01:02 UTC Sun Dec 6 2026",
            user: "admin",
            event: "login",
            outcome: "failure",
            client: "10.1.1.1"
        ),
        ActivityCase(
            "<189>123: *Mar  1 00:00:01.123: %SYS-5-CONFIG_I: Configured from console by admin on vty0 (10.1.1.1)",
            user: "admin",
            event: "config-change",
            client: "10.1.1.1"
        ),
        ActivityCase(
            "<189>45: router1: Dec  6 10:01:02.301 UTC: %SYS-5-CONFIG_I: Configured from console by console",
            event: "config-change"
        ),
        // A switch stack's member names itself in the mnemonic.
        ActivityCase(
            "<165>7622: Mar 12 09:19:27.675 PHT: %SEC_LOGIN-SW1-5-LOGIN_SUCCESS: Login Success [user: user1] "
                + "[Source: 172.20.40.35] [localport: 22] at 09:19:27 PHT Mon Mar 12 2018",
            user: "user1",
            event: "login",
            outcome: "success",
            client: "172.20.40.35"
        ),
        ActivityCase(
            "*Mar 24 14:37:43.323: %SSH-5-SSH2_CLOSE: SSH2 Session from 10.3.10.15 (tty = 0) for user 'romain' using "
                + "crypto cipher 'aes256-cbc', hmac 'hmac-sha1' closed",
            user: "romain",
            event: "session-close",
            client: "10.3.10.15"
        ),
        // `by vty2`: a line, not a user.
        ActivityCase(
            "*Mar  1 18:48:50.483 UTC: %SYS-5-CONFIG_I: Configured from console by vty2 (10.34.195.36)",
            event: "config-change",
            client: "10.34.195.36"
        ),
        ActivityCase(
            "*Mar  1 18:48:50.483 UTC: %SYS-5-CONFIG_I: Configured from console by vtyadmin on vty0 (10.34.195.36)",
            user: "vtyadmin",
            event: "config-change",
            client: "10.34.195.36"
        ),
        // The mnemonic after the origin host, a second sequence number and an uptime; in a line with no PRI after a
        // sequence number and a timestamp with a year; after a relay's header; and a line card's prefix.
        ActivityCase(
            "<165>7433: ASR920: 007439: 2y10w: %SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: netops] "
                + "[Source: 192.168.0.1] [localport: 22] at 07:57:58 VIENNA Thu Jan 27 2022",
            user: "netops",
            event: "login",
            outcome: "success",
            client: "192.168.0.1"
        ),
        ActivityCase(
            "00:00:46: %LINK-3-UPDOWN: Interface Port-channel1, changed state to up",
            event: "link-up",
            resource: "Port-channel1"
        ),
        ActivityCase(
            "20995068: Feb 13 2024 00:59:36.794 EST: %LINK-3-UPDOWN: SIP0/1: Interface TenGigabitEthernet0/1/0, "
                + "changed state to down",
            event: "link-down",
            resource: "TenGigabitEthernet0/1/0"
        ),
        ActivityCase(
            "Aug 22 05:11:06 sw-224.example.net <187>26: 000028: *Jan  2 00:01:01.916: %LINK-3-UPDOWN: Interface "
                + "GigabitEthernet0/1, changed state to up",
            event: "link-up",
            resource: "GigabitEthernet0/1"
        ),
        ActivityCase(
            "<187>Dec  6 10:01:02 sw1 %LINK-3-UPDOWN: Interface GigabitEthernet0/1, changed state to down",
            event: "link-down",
            resource: "GigabitEthernet0/1"
        ),
        ActivityCase(
            "<189>Dec  6 10:01:02 sw1 %LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet0/1, changed state to up",
            event: "link-up",
            resource: "GigabitEthernet0/1"
        ),
        // IOS XR: ` : ` after the mnemonic, the state capitalized; its node-ID header (`RP/0/RP0/CPU0:`) is no header
        // the parser reads, so the mnemonic is found in the text.
        ActivityCase(
            "RP/0/RP0/CPU0:Nov 18 08:48:26.388 UTC: ifmgr[427]: %PKT_INFRA-LINK-3-UPDOWN : Interface MgmtEth0/RP0/CPU0/0, "
                + "changed state to Down",
            event: "link-down",
            resource: "MgmtEth0/RP0/CPU0/0"
        ),
        ActivityCase(
            "<187>RP/0/RP0/CPU0:Aug 26 08:48:26.388 UTC: ifmgr[427]: %PKT_INFRA-LINEPROTO-5-UPDOWN : Line protocol on "
                + "Interface GigabitEthernet0/0/0/1, changed state to Up",
            event: "link-up",
            resource: "GigabitEthernet0/0/0/1"
        ),
        ActivityCase(
            "RP/0/RP0/CPU0:Jun  2 10:54:58.478 UTC: config[66976]: %MGBL-SYS-5-CONFIG_I : Configured from console by "
                + "cisco on vty2 (198.18.128.41)",
            user: "cisco",
            event: "config-change",
            client: "198.18.128.41"
        ),
        // A remark in parentheses is no address.
        ActivityCase(
            "<189>Dec  6 10:01:02 sw1 %SYS-5-CONFIG_I: Configured from memory by console (Q1 2009 C U)",
            event: "config-change"
        ),
        ActivityCase(
            "<13>Jan  6 21:01:34 r1 ifmgr[1]: %PKT_INFRA-LINK-5-CHANGED : Interface GigabitEthernet0/0/0/1, changed state "
                + "to Administratively Down",
            event: "link-down",
            resource: "GigabitEthernet0/0/0/1"
        ),
        // IOS XE's programmatic configuration (NETCONF, RESTCONF), and NX-OS's.
        ActivityCase(
            "<189>May 31 04:00:52: %DMI-5-CONFIG_I: R0/0: dmiauthd: Configured from NETCONF/RESTCONF by demotme, "
                + "transaction-id 9351",
            user: "demotme",
            event: "config-change"
        ),
        ActivityCase(
            "<189>2019 Jan 21 15:47:11 nxos2 %VSHD-5-VSHD_SYSLOG_CONFIG_I: Configured from vty by admin on "
                + "192.168.1.43@pts/3",
            user: "admin",
            event: "config-change",
            client: "192.168.1.43"
        ),
        ActivityCase(
            "<189>: 2013 Sep 17 11:43:12 UTC: %VSHD-5-VSHD_SYSLOG_CONFIG_I: Configured from vty by admin on console0",
            user: "admin",
            event: "config-change"
        ),
        // Access-list logging: with ports, the interface after the source, ICMP's type and code, another protocol,
        // a standard list (source only), IOS XE's data-plane prefix, IPv6; the rate limiter's line is no flow.
        ActivityCase(
            "<189>Dec  6 10:01:02 router1 %SEC-6-IPACCESSLOGP: list FILTER-INTERNET-IN denied tcp 1.2.3.4(53420) -> "
                + "5.6.7.8(23), 1 packet",
            event: "connection",
            resource: "5.6.7.8:23",
            outcome: "failure",
            client: "1.2.3.4"
        ),
        ActivityCase(
            "<189>Dec  6 10:01:02 router1 %SEC-6-IPACCESSLOGP: list 101 permitted tcp 10.1.1.1(1234) "
                + "(GigabitEthernet0/1 0011.2233.4455) -> 10.2.2.2(80), 5 packets",
            event: "connection",
            resource: "10.2.2.2:80",
            outcome: "success",
            client: "10.1.1.1"
        ),
        ActivityCase(
            "<189>Dec  6 10:01:02 router1 %SEC-6-IPACCESSLOGDP: list 100 denied icmp 10.1.1.1 -> 10.2.2.2 (8/0), 1 packet",
            event: "connection",
            resource: "10.2.2.2",
            outcome: "failure",
            client: "10.1.1.1"
        ),
        ActivityCase(
            "<189>Dec  6 10:01:02 router1 %SEC-6-IPACCESSLOGNP: list 100 denied 47 10.1.1.1 -> 10.2.2.2, 1 packet",
            event: "connection",
            resource: "10.2.2.2",
            outcome: "failure",
            client: "10.1.1.1"
        ),
        ActivityCase(
            "<189>Dec  6 10:01:02 router1 %SEC-6-IPACCESSLOGS: list 10 denied 10.1.1.1 1 packet",
            event: "connection",
            outcome: "failure",
            client: "10.1.1.1"
        ),
        ActivityCase(
            "<189>Dec  6 10:01:02 router1 %FMANFP-6-IPACCESSLOGP: SIP0: fman_fp_image: list ACL denied tcp "
                + "1.2.3.4(1234) -> 5.6.7.8(22), 1 packet",
            event: "connection",
            resource: "5.6.7.8:22",
            outcome: "failure",
            client: "1.2.3.4"
        ),
        ActivityCase(
            "<189>Dec  6 10:01:02 router1 %IPV6_ACL-6-ACCESSLOGP: list ACL6 denied tcp 2001:DB8::1(1234) -> "
                + "2001:DB8::2(22), 1 packet",
            event: "connection",
            resource: "[2001:DB8::2]:22",
            outcome: "failure",
            client: "2001:DB8::1"
        ),
        ActivityCase(
            "<189>Dec  6 10:01:02 router1 %SEC-6-IPACCESSLOGRL: access-list logging rate-limited or missed 12 packets"
        ),
        // NX-OS's suffix for a repeated line; a line, not a user, in IOS's logged command.
        ActivityCase(
            "2022 Jul 30 21:22:56 c-1-s2 %VSHD-5-VSHD_SYSLOG_CONFIG_I: Configured from vty by admin on "
                + "192.168.101.1@pts/3 (message repeated 1 time)",
            user: "admin",
            event: "config-change",
            client: "192.168.101.1"
        ),
        ActivityCase(
            "<189>77: %PARSER-5-CFGLOG_LOGGEDCMD: User:vty0  logged command:logging discriminator x",
            event: "config-change",
            resource: "logging discriminator x"
        ),
        // IOS XR's own authentication, logout and commit lines.
        ActivityCase(
            "<189>May 22 21:00:31 192.168.200.11 52536: RP/0/RP0/CPU0:May 22 21:00:56.247 +06: SSHD_[68879]: "
                + "%SECURITY-SSHD-6-INFO_SUCCESS : Successfully authenticated user 'rancid' from '192.168.200.56' on "
                + "'vty0'(cipher 'chacha20-poly1305@openssh.com', mac 'chacha20-poly1305')",
            user: "rancid",
            event: "login",
            resource: "sshd",
            outcome: "success",
            client: "192.168.200.56"
        ),
        ActivityCase(
            "<187>RP/0/RP0/CPU0:Aug 20 01:49:21.506 UTC: login[1]: %SECURITY-LOGIN-4-AUTHEN_FAILED : Failed "
                + "authentication attempt by user 'sh int des | in univ' from '10.0.1.1' on 'vty4'",
            user: "sh int des | in univ",
            event: "login",
            outcome: "failure",
            client: "10.0.1.1"
        ),
        ActivityCase(
            "<187>RP/0/RP0/CPU0:Aug 20 01:49:21.506 UTC: login[1]: %SECURITY-LOGIN-6-AUTHEN_SUCCESS : Successfully "
                + "authenticated user 'admin' from 'console' on 'con0_RP0_CPU0'",
            user: "admin",
            event: "login",
            outcome: "success"
        ),
        ActivityCase(
            "<187>RP/0/RP0/CPU0:Aug 20 01:49:21.506 UTC: SSHD_[68896]: %SECURITY-SSHD-6-INFO_USER_LOGOUT : User "
                + "'admin' from '192.168.122.1' logged out on 'vty0'",
            user: "admin",
            event: "session-close",
            resource: "sshd",
            client: "192.168.122.1"
        ),
        ActivityCase(
            "<187>RP/0/RP0/CPU0:Aug 20 01:49:21.506 UTC: SSHD_[1]: %SECURITY-SSHD-6-INFO_GENERAL : Client closes "
                + "socket connection"
        ),
        ActivityCase(
            "RP/0/RP0/CPU0:2024 Jun 27 23:14:49.708 JST: config[66279]: %MGBL-CONFIG-6-DB_COMMIT : Configuration "
                + "committed by user 'cisco'. Use 'show configuration commit changes 1000000261' to view the changes.",
            user: "cisco",
            event: "config-change"
        ),
        // A process's configuration change, for a line or a user.
        ActivityCase(
            "*Jul 15 20:37:49.932: %SYS-5-CONFIG_P: Configured programmatically by process PnP Agent Discovery from "
                + "console as vty0",
            event: "config-change"
        ),
        ActivityCase(
            "<189>12: *Jul 15 20:37:49.932: %SYS-5-CONFIG_P: Configured programmatically by process NETCONF from "
                + "console as admin on vty1",
            user: "admin",
            event: "config-change"
        ),
        ActivityCase("<189>12: *Jul 15 20:37:49.932: %SYS-5-CONFIG_P: Configured programmatically"),
        // NX-OS relays its AAA and PAM messages under `%AUTHPRIV-N-SYSTEM_MSG`, naming the program last.
        ActivityCase(
            "<187>: 2019 Apr 18 10:57:54 UTC: %AUTHPRIV-3-SYSTEM_MSG: pam_aaa:Authentication failed from "
                + "119.29.170.202 - dcos_sshd[14361]",
            event: "login",
            resource: "dcos_sshd",
            outcome: "failure",
            client: "119.29.170.202"
        ),
        ActivityCase(
            "2026 Apr 15 15:47:57 CITS-SAN1 %AUTHPRIV-3-SYSTEM_MSG: pam_aaa:Authentication failed from console - login",
            event: "login",
            resource: "login",
            outcome: "failure"
        ),
        ActivityCase(
            "<19>Nov 17 14:28:48 n7k %AUTHPRIV-3-SYSTEM_MSG[0]: Authentication failed from 7.40.16.188 - sshd[20189]",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "7.40.16.188"
        ),
        ActivityCase(
            "<85>sw1: 2023 Jan 15 00:31:52 CET: %AUTHPRIV-3-SYSTEM_MSG: pam_aaa:Authentication failed for user bob "
                + "from 10.87.8.1",
            user: "bob",
            event: "login",
            outcome: "failure",
            client: "10.87.8.1"
        ),
        ActivityCase(
            "<190>sw01.bjm01: 2017 Jul 26 14:42:46 UTC: %AUTHPRIV-6-SYSTEM_MSG: pam_unix(dcos_sshd:session): session "
                + "opened for user luke by (uid=0) - dcos_sshd[12977]",
            user: "luke",
            event: "session-open",
            resource: "dcos_sshd",
            outcome: "success"
        ),
        ActivityCase("<85>: 2019 Apr 18 10:57:54 UTC: %AUTHPRIV-6-SYSTEM_MSG: New user added with username bob - vsh"),
        ActivityCase("<187>: 2019 Apr 18 11:00:27 UTC: last message repeated 180 times"),
        // MDS: the VSAN before the interface.
        ActivityCase(
            "2026 Mar 27 09:46:04 CITS-SAN1 %PORT-5-IF_DOWN_LINK_FAILURE: %$VSAN 10%$ Interface fc1/5 is down (Link "
                + "failure loss of signal)",
            event: "link-down",
            resource: "fc1/5"
        ),
        ActivityCase(
            "<189>: 2020 Jul 29 17:07:29 UTC: %PORT-5-IF_UP: %$VSAN 1%$ Interface fc1/1 is up in mode F",
            event: "link-up",
            resource: "fc1/1"
        ),
        ActivityCase("<189>: 2020 Jul 29 17:07:29 UTC: %PORT-5-IF_UP: %$VSAN 1 Interface fc1/1 is up in mode F"),
        // Administratively up is no link state.
        ActivityCase("<189>: 2022 Dec 25 21:50:48 UTC: %ETHPORT-5-IF_ADMIN_UP: Interface Ethernet1/1 is admin up ."),
        ActivityCase(
            "<189>: 2020 Jul 29 17:07:29 EDT: %ETHPORT-5-IF_DOWN_LINK_FAILURE: Interface Ethernet1/1 is down (Link failure)",
            event: "link-down",
            resource: "Ethernet1/1"
        ),
        ActivityCase(
            "<189>Jul 29 17:07:29 nx1 %ETHPORT-5-IF_UP: Interface Ethernet1/7 is up in mode access",
            event: "link-up",
            resource: "Ethernet1/7"
        ),
        ActivityCase(
            "<189>Jul 29 17:07:29 nx1 %ETHPORT-5-SPEED: Interface Ethernet1/7, operational speed changed to 10 Gbps"
        ),
        // A text with no app whose `%` is no mnemonic's.
        ActivityCase("<13>disk at 95 %FULL-1-X: Interface Gi0/1, changed state to down"),
        ActivityCase(
            "<189>Dec  6 10:01:02 sw1 %LINK-5-CHANGED: Interface Vlan10, changed state to administratively down",
            event: "link-down",
            resource: "Vlan10"
        ),
        ActivityCase(
            "<189>Dec  6 10:01:02 sw1 %SSH-5-SSH2_USERAUTH: User 'admin' authentication for SSH2 Session from 10.1.1.1 (tty = 0) using crypto cipher 'aes256-ctr', hmac 'hmac-sha2-256' Succeeded",
            user: "admin",
            event: "login",
            outcome: "success",
            client: "10.1.1.1"
        ),
        ActivityCase(
            "<189>Dec  6 10:01:02 sw1 %SSH-5-SSH2_USERAUTH: User 'guest' authentication for SSH2 Session from 10.1.1.9 (tty = 0) using crypto cipher 'aes128-ctr', hmac 'hmac-sha1' Failed",
            user: "guest",
            event: "login",
            outcome: "failure",
            client: "10.1.1.9"
        ),
        ActivityCase(
            "<190>Dec  6 10:01:02 sw1 %SYS-6-LOGOUT: User admin has exited tty session 2(10.1.1.1)",
            user: "admin",
            event: "session-close",
            client: "10.1.1.1"
        ),
        ActivityCase(
            "<189>Dec  6 10:01:02 sw1 %PARSER-5-CFGLOG_LOGGEDCMD: User:admin  logged command:interface Gi0/1",
            user: "admin",
            event: "config-change",
            resource: "interface Gi0/1"
        ),
        ActivityCase("<189>Dec  6 10:01:02 sw1 %SYS-5-RESTART: System restarted --"),
        ActivityCase(
            "<29>Dec  6 10:01:02 mx1 mgd[3046]: UI_LOGIN_EVENT: User 'admin' login, class 'j-super-user' [3046], ssh-connection '10.0.0.9 51122 10.0.0.1 22', client-mode 'cli'",
            user: "admin",
            event: "login",
            outcome: "success",
            client: "10.0.0.9"
        ),
        ActivityCase(
            "<29>Dec  6 10:01:02 mx1 sshd[81]: SSHD_LOGIN_FAILED: Login failed for user 'admin' from host '10.0.0.9'",
            user: "admin",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "10.0.0.9"
        ),
        ActivityCase(
            "<29>Dec  6 10:01:02 mx1 mgd[3046]: UI_LOGOUT_EVENT: User 'admin' logout",
            user: "admin",
            event: "session-close"
        ),
        ActivityCase(
            "<29>Dec  6 10:01:02 mx1 mgd[3046]: UI_COMMIT: User 'admin' requested 'commit' operation (comment: none)",
            user: "admin",
            event: "config-change"
        ),
        ActivityCase(
            "<29>Dec  6 10:01:02 mx1 mgd[3046]: UI_AUTH_EVENT: Authenticated user 'ops' at permission level 'j-operator'",
            user: "ops",
            event: "login",
            outcome: "success"
        ),
        ActivityCase(
            "<165>1 2026-12-06T10:01:02.123Z mx1 mgd 3046 UI_COMMIT [junos@2636.1.1.1.2.18 username=\"admin\"] User 'admin' requested 'commit' operation (comment: none)",
            user: "admin",
            event: "config-change"
        ),
        ActivityCase(
            "<165>1 2026-12-06T10:01:02.123Z mx1 sshd 81 SSHD_LOGIN_FAILED - Login failed for user 'root' from host '10.0.0.7'",
            user: "root",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "10.0.0.7"
        ),
        // SRX flows: created, closed (a permitted flow's record) and denied; IPv6 bracketed; a close with no flow.
        ActivityCase(
            "<14>Jun 17 16:49:31 TA-FW_SRX1500 RT_FLOW: RT_FLOW_SESSION_CREATE: session created "
                + "10.1.37.45/41013->180.225.82.115/3306 0x0 None 10.1.37.45/41013->180.225.82.115/3306 0x0 N/A N/A N/A "
                + "N/A 6 1 V40 V30 1047299 N/A(N/A) reth2.0 UNKNOWN UNKNOWN UNKNOWN N/A N/A -1 N/A N/A N/A Off root",
            event: "connection",
            resource: "180.225.82.115:3306",
            outcome: "success",
            client: "10.1.37.45"
        ),
        ActivityCase(
            "<14>Jan 12 12:00:06 FW7-Gi1 RT_FLOW: RT_FLOW_SESSION_CLOSE: session closed TCP CLIENT RST: "
                + "10.28.245.77/49706->142.250.120.156/443 0x0 junos-https 94.139.153.77/47698->142.250.120.156/443 0x0 "
                + "source rule internet_offload2 N/A N/A 6 internet offload2_ssr offload2_bgw 1357210026769 10(2358)",
            event: "connection",
            resource: "142.250.120.156:443",
            outcome: "success",
            client: "10.28.245.77"
        ),
        ActivityCase(
            "<14>Oct 27 08:14:25 fw-core-01 RT_FLOW: RT_FLOW_SESSION_DENY: session denied "
                + "192.168.20.100/53211->172.16.0.5/22 0x0 junos-ssh 6(0) block-ssh untrust dmz UNKNOWN UNKNOWN N/A(N/A) "
                + "ge-0/0/1.0 No policy deny",
            event: "connection",
            resource: "172.16.0.5:22",
            outcome: "failure",
            client: "192.168.20.100"
        ),
        ActivityCase(
            "<14>1 2020-03-12T10:00:00.000Z srx1 RT_FLOW - RT_FLOW_SESSION_CREATE [junos@2636.1.1.1.2.26 "
                + "source-address=\"2001:db8::1\"] session created 2001:db8::1/5000->2001:db8::2/443 0x0 junos-https",
            event: "connection",
            resource: "[2001:db8::2]:443",
            outcome: "success",
            client: "2001:db8::1"
        ),
        ActivityCase("<14>Oct 27 08:14:25 fw-core-01 RT_FLOW: RT_FLOW_SESSION_CLOSE: session closed"),
        ActivityCase(
            "<14>Oct 27 08:14:25 fw-core-01 RT_FLOW: RT_FLOW_SESSION_CREATE: session created 10.0.0.1->10.0.0.2"
        ),
        ActivityCase(
            "<28>Jul 20 21:45:59 vmx01 mib2d[2424]: SNMP_TRAP_LINK_DOWN: ifIndex 502, ifAdminStatus down(2), "
                + "ifOperStatus down(2), ifName xe-0/0/0",
            event: "link-down",
            resource: "xe-0/0/0"
        ),
        ActivityCase(
            "<28>Jul 20 21:47:01 vmx01 mib2d[2424]: SNMP_TRAP_LINK_UP: ifIndex 502, ifAdminStatus up(1), "
                + "ifOperStatus up(1), ifName xe-0/0/0",
            event: "link-up",
            resource: "xe-0/0/0"
        ),
        // A login with no connection: `ssh-connection ''` names no client.
        ActivityCase(
            "<29>Feb 27 02:33:04 bm-a mgd[6520]: UI_LOGIN_EVENT: User 'security-officer' login, class 'j-super-user' "
                + "[6520], ssh-connection '', client-mode 'cli'",
            user: "security-officer",
            event: "login",
            outcome: "success"
        ),
        // Junos's own log files: two spaces before the HOSTNAME.
        ActivityCase(
            "Jan 19 17:18:14  R1 mgd[15886]: UI_LOGOUT_EVENT: User 'lab' logout",
            user: "lab",
            event: "session-close"
        ),
        // `explicit-priority`: the facility and severity before the tag, in the text or as the TAG.
        ActivityCase(
            "<189>Dec  6 10:01:02 mx1 mgd[52402]: %INTERACT-6-UI_LOGIN_EVENT: User 'admin' login, class 'j-super-user' "
                + "[52402], ssh-connection '10.0.0.9 51122 10.0.0.1 22', client-mode 'cli'",
            user: "admin",
            event: "login",
            outcome: "success",
            client: "10.0.0.9"
        ),
        ActivityCase(
            "<189>Dec  6 10:01:02 mx1 %INTERACT-6-UI_COMMIT: User 'admin' requested 'commit' operation (comment: none)",
            user: "admin",
            event: "config-change"
        ),
        ActivityCase(
            "<187>Dec  6 10:01:02 mx1 sshd[7]: %AUTH-3-SSHD_LOGIN_FAILED: Login failed for user 'root' from host "
                + "'203.0.113.9'",
            user: "root",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "203.0.113.9"
        ),
        ActivityCase(
            "<189>Dec  6 10:01:02 mx1 mgd[1]: %INTERACT-6-UI_CMDLINE_READ_LINE: User 'admin', command 'show '"
        ),
        // `time-format year`: the year after the time.
        ActivityCase(
            "Jan 24 21:16:48 2020  3C_R01 sshd: SSHD_LOGIN_FAILED: Login failed for user 'emf' from host '142.44.160.173'",
            user: "emf",
            event: "login",
            resource: "sshd",
            outcome: "failure",
            client: "142.44.160.173"
        ),
        ActivityCase("<29>Dec  6 10:01:02 mx1 mgd[3046]: UI_CHILD_EXITED: Child exited: PID 1, status 7"),
        // `User:console` when no one logged in names a line, not a user.
        ActivityCase(
            "<189>Dec  6 10:01:02 sw1 %PARSER-5-CFGLOG_LOGGEDCMD: User:console  logged command:interface Gi0/1",
            event: "config-change",
            resource: "interface Gi0/1"
        ),
    ]

    @Test(arguments: Self.cases)
    func recognizes(_ row: ActivityCase) throws {
        try row.verify()
    }

    /// A Cisco line whose text (after a relay's TAG) starts with the device's own timestamp, in each month; text that
    /// starts with another three-letter word is not taken for one.
    @Test(arguments: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Now"])
    func secondTimestampInEveryMonth(_ month: String) throws {
        let line =
            "<189>Dec  6 10:01:02 sw1 relay: \(month)  1 00:00:01.123: %SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: admin] "
            + "[Source: 10.1.1.1] [localport: 22] at 00:00:01 UTC Sun \(month) 1 2026"
        let isMonth = month != "Now"
        try ActivityCase(
            line,
            user: isMonth ? "admin" : nil,
            event: isMonth ? "login" : nil,
            outcome: isMonth ? "success" : nil,
            client: isMonth ? "10.1.1.1" : nil
        )
        .verify()
    }
}
