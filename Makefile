# Conveniences around SwiftPM. README's two commands are scripts/play and scripts/test.
PREFIX ?= $(HOME)/.local

.PHONY: build test extras install uninstall bench

build:
	scripts/deps
	swift build -c release --static-swift-stdlib --product crucible

test:
	scripts/test

# Shell completions and the man page, generated from crucible's own command definitions
# (swift-argument-parser writes both), so they never disagree with `crucible --help`.
# The man page comes from the package's generate-manual tool, built like crucible; its
# blank lines become paragraph breaks, which `man` would otherwise warn about.
EXTRAS = .build/extras
extras: build
	swift build -c release --static-swift-stdlib --product generate-manual
	rm -rf $(EXTRAS) && mkdir -p $(EXTRAS)/generated
	.build/release/crucible --generate-completion-script bash > $(EXTRAS)/crucible.bash
	.build/release/crucible --generate-completion-script zsh > $(EXTRAS)/_crucible
	.build/release/crucible --generate-completion-script fish > $(EXTRAS)/crucible.fish
	.build/release/generate-manual .build/release/crucible --output-directory $(EXTRAS)/generated
	sed 's/^$$/.Pp/' $(EXTRAS)/generated/crucible.1 > $(EXTRAS)/crucible.1

# Copies the binary to $(PREFIX)/bin and the bundled course to
# $(PREFIX)/share/crucible/Lessons, where the binary looks for it; the completions and the
# man page go where bash-completion, zsh, fish and man look under $(PREFIX)/share.
install: build extras
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/crucible \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 .build/release/crucible $(DESTDIR)$(PREFIX)/bin/crucible
	rm -rf $(DESTDIR)$(PREFIX)/share/crucible/Lessons
	cp -R Lessons $(DESTDIR)$(PREFIX)/share/crucible/Lessons
	install -m 644 $(EXTRAS)/crucible.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/crucible
	install -m 644 $(EXTRAS)/_crucible $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_crucible
	install -m 644 $(EXTRAS)/crucible.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/crucible.fish
	install -m 644 $(EXTRAS)/crucible.1 $(DESTDIR)$(PREFIX)/share/man/man1/crucible.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/crucible
	rm -rf $(DESTDIR)$(PREFIX)/share/crucible
	rm -f $(DESTDIR)$(PREFIX)/share/bash-completion/completions/crucible \
		$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_crucible \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/crucible.fish \
		$(DESTDIR)$(PREFIX)/share/man/man1/crucible.1

# Every scripts/bench-* in turn (load and lint up to 50,000 lessons, check overhead, progress
# saves, memory, the UI, a cargo lesson's build cache), then all their figures together. Never part
# of `make test`.
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
