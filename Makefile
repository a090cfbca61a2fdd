# Build, install and package activitylog. The binaries are linked statically to the Swift runtime
# (--static-swift-stdlib) and stripped, so the installed programs need no Swift toolchain on the host.
#
#   make                      build the release binaries
#   make install              install under PREFIX (default /usr/local), with DESTDIR for staging
#   make uninstall            remove what install put there (the configuration file stays)
#   make deb                  build activitylog_VERSION_ARCH.deb with dpkg-deb
#
# Installed: $(PREFIX)/sbin/activitylogd, $(PREFIX)/bin/activitylog, the three man pages, the systemd unit, a sysctl
# drop-in for the UDP receive buffer, and /etc/activitylog/activitylogd.conf unless one exists already.

PREFIX ?= /usr/local
DESTDIR ?=
SYSCONFDIR ?= /etc
BINDIR = $(PREFIX)/bin
SBINDIR = $(PREFIX)/sbin
MANDIR = $(PREFIX)/share/man
UNITDIR ?= $(PREFIX)/lib/systemd/system
SYSCTLDIR ?= $(PREFIX)/lib/sysctl.d
SCRATCH = .build-static
BUILT = $(SCRATCH)/release
VERSION = 0.1.0
ARCH := $(shell dpkg --print-architecture 2>/dev/null || echo amd64)

.PHONY: all build install uninstall deb clean-package

all: build

build:
	swift build -c release --static-swift-stdlib --scratch-path $(SCRATCH) --product activitylogd
	swift build -c release --static-swift-stdlib --scratch-path $(SCRATCH) --product activitylog

install: build
	install -d $(DESTDIR)$(SBINDIR) $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(MANDIR)/man8 $(DESTDIR)$(UNITDIR) $(DESTDIR)$(SYSCTLDIR) $(DESTDIR)$(SYSCONFDIR)/activitylog
	install -m 0755 -s $(BUILT)/activitylogd $(DESTDIR)$(SBINDIR)/activitylogd
	install -m 0755 -s $(BUILT)/activitylog $(DESTDIR)$(BINDIR)/activitylog
	install -m 0644 man/activitylog.1 $(DESTDIR)$(MANDIR)/man1/activitylog.1
	install -m 0644 man/activitylogd.conf.5 $(DESTDIR)$(MANDIR)/man5/activitylogd.conf.5
	install -m 0644 man/activitylogd.8 $(DESTDIR)$(MANDIR)/man8/activitylogd.8
	sed 's|/usr/local/sbin/activitylogd|$(SBINDIR)/activitylogd|g' conf/activitylogd.service \
		> $(DESTDIR)$(UNITDIR)/activitylogd.service
	chmod 0644 $(DESTDIR)$(UNITDIR)/activitylogd.service
	install -m 0644 conf/activitylogd-sysctl.conf $(DESTDIR)$(SYSCTLDIR)/60-activitylogd.conf
	test -e $(DESTDIR)$(SYSCONFDIR)/activitylog/activitylogd.conf \
		|| install -m 0640 conf/activitylogd.conf $(DESTDIR)$(SYSCONFDIR)/activitylog/activitylogd.conf

uninstall:
	rm -f $(DESTDIR)$(SBINDIR)/activitylogd $(DESTDIR)$(BINDIR)/activitylog \
		$(DESTDIR)$(MANDIR)/man1/activitylog.1 $(DESTDIR)$(MANDIR)/man5/activitylogd.conf.5 \
		$(DESTDIR)$(MANDIR)/man8/activitylogd.8 $(DESTDIR)$(UNITDIR)/activitylogd.service \
		$(DESTDIR)$(SYSCTLDIR)/60-activitylogd.conf

deb: build
	rm -rf $(SCRATCH)/deb
	$(MAKE) install PREFIX=/usr UNITDIR=/lib/systemd/system SYSCTLDIR=/usr/lib/sysctl.d DESTDIR=$(CURDIR)/$(SCRATCH)/deb
	install -d -m 0755 $(SCRATCH)/deb/DEBIAN
	sed -e 's/@VERSION@/$(VERSION)/' -e 's/@ARCH@/$(ARCH)/' packaging/control > $(SCRATCH)/deb/DEBIAN/control
	install -m 0644 packaging/conffiles $(SCRATCH)/deb/DEBIAN/conffiles
	install -m 0755 packaging/postinst packaging/postrm $(SCRATCH)/deb/DEBIAN/
	dpkg-deb --root-owner-group --build $(SCRATCH)/deb activitylog_$(VERSION)_$(ARCH).deb
