# Conveniences around SwiftPM. README's two commands are scripts/play and scripts/test.
PREFIX ?= $(HOME)/.local

.PHONY: build test install uninstall bench

build:
	scripts/deps
	swift build -c release --static-swift-stdlib --product crucible

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

# Every scripts/bench-* in turn (load and lint up to 50,000 lessons, check overhead, progress
# saves, memory, the UI), then all their figures together. Never part of `make test`.
# BENCHMARKS.md records a run. A script that fails is reported and the rest still run.
BENCH_REPORT ?= $(or $(SCRATCH),.build)/bench-report.txt
bench:
	@mkdir -p $(dir $(BENCH_REPORT)); : > $(BENCH_REPORT)
	@{ date -u '+date: %Y-%m-%d %H:%M UTC'; echo "machine: $$(uname -srm), $$(nproc) cores, $$(free -g | awk '/Mem:/ {print $$2}') GB"; } >> $(BENCH_REPORT)
	@for script in scripts/bench-*; do \
		args=; [ $$script = scripts/bench-load ] && args=--large; \
		echo "== $$script $$args" | tee -a $(BENCH_REPORT); \
		{ $$script $$args 2>&1 || echo "!! $$script failed"; } | tee -a $(BENCH_REPORT); \
	done
	@echo; echo "==== combined report ($(BENCH_REPORT))"; cat $(BENCH_REPORT)
