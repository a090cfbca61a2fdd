#!/usr/bin/env bash
# Installation and packaging, as an operator meets them: `make install DESTDIR=…` installs exactly the promised files;
# `make deb` builds a package that `dpkg -i` installs (service user, archive directory, conffile), whose installed
# daemon passes `-t` on the installed configuration, whose unit passes `systemd-analyze verify`, and which
# `dpkg --purge` removes again (the archives stay). Run by .ci/run as root; installs dpkg-dev and systemd itself.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq dpkg-dev systemd man-db >/dev/null

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
make install DESTDIR="$stage" >/dev/null
expected="etc/activitylog/activitylogd.conf
usr/local/bin/activitylog
usr/local/lib/sysctl.d/60-activitylogd.conf
usr/local/lib/systemd/system/activitylogd.service
usr/local/sbin/activitylogd
usr/local/share/man/man1/activitylog.1
usr/local/share/man/man5/activitylogd.conf.5
usr/local/share/man/man8/activitylogd.8"
installed=$(cd "$stage" && find . -type f | sed 's|^\./||' | sort)
if [ "$installed" != "$expected" ]; then
    echo "package-check: make install put other files than promised:" >&2
    diff <(echo "$expected") <(echo "$installed") >&2 || true
    exit 1
fi
# The installed binaries carry their Swift runtime: no toolchain path in RUNPATH, no libswiftCore needed.
for binary in "$stage/usr/local/sbin/activitylogd" "$stage/usr/local/bin/activitylog"; do
    if readelf -d "$binary" | grep -q "RUNPATH.*swift" || ldd "$binary" | grep -q libswiftCore; then
        echo "package-check: $binary still needs the Swift toolchain" >&2
        exit 1
    fi
done
grep -q "ExecStart=/usr/local/sbin/activitylogd" "$stage/usr/local/lib/systemd/system/activitylogd.service"

make deb >/dev/null
package=$(ls activitylog_*.deb)
dpkg -i "$package" >/dev/null
getent passwd activitylog >/dev/null
[ "$(stat -c '%a %U' /var/log/activitylog)" = "750 activitylog" ]
/usr/sbin/activitylogd -t --no-bind -f /etc/activitylog/activitylogd.conf
systemd-analyze verify /lib/systemd/system/activitylogd.service
MANPATH=/usr/share/man man -w activitylogd >/dev/null
dpkg --purge activitylog >/dev/null
[ ! -e /usr/sbin/activitylogd ] && [ ! -e /etc/activitylog/activitylogd.conf ]
rm -f "$package"
echo "package-check: make install ($(echo "$expected" | wc -l) files), deb install, -t, systemd-analyze verify, purge: ok"
