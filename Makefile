# Conveniences around SwiftPM. README's two commands are scripts/play and scripts/test.
PREFIX ?= $(HOME)/.local

.PHONY: build test install uninstall bench

build:
	scripts/deps
	swift build -c release --product crucible

test:
	scripts/test

# Copies the binary to $(PREFIX)/bin and the bundled course to
# $(PREFIX)/share/crucible/Lessons, where the binary looks for it.
install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/crucible
	install -m 755 .build/release/crucible $(DESTDIR)$(PREFIX)/bin/crucible
	rm -rf $(DESTDIR)$(PREFIX)/share/crucible/Lessons
	cp -R Lessons $(DESTDIR)$(PREFIX)/share/crucible/Lessons

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/crucible
	rm -rf $(DESTDIR)$(PREFIX)/share/crucible

bench:
	scripts/bench-load
