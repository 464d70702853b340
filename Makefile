# Sales Coach — `make run` to use it, `make test` to check it. See README.md.
PREFIX ?= /usr/local
SWIFT ?= swift
# The release binary also links the C++ runtime and libedit statically when their archives are
# here: a quarter off the start-up time (scripts/static-libs.sh says why and how).
STATIC_LIBS = $(CURDIR)/.build/static-libs
RELEASE_FLAGS = -c release --static-swift-stdlib -Xlinker -L$(STATIC_LIBS)
RELEASE_ENV = PKG_CONFIG_PATH=$(STATIC_LIBS)/pkgconfig$${PKG_CONFIG_PATH:+:$$PKG_CONFIG_PATH}
BIN = .build/release/coach

.PHONY: run build test test-any-day bench fuzz format format-check install uninstall setup clean

setup:
	@scripts/setup.sh

build: setup
	@scripts/static-libs.sh $(STATIC_LIBS)
	$(RELEASE_ENV) $(SWIFT) build $(RELEASE_FLAGS) --product coach

run: build
	@$(BIN) $(ARGS)

# Every test: unit and scripted-session tests (Swift Testing), then the end-to-end, pty,
# schema and failure-injection suites (Python) against the built binary.
test:
	@scripts/setup.sh --test
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	python3 -m pytest -q e2e

# The end-to-end suite again with the system clock and time zone moved: 40 and 400 days ahead
# (libfaketime) and the two time zones furthest apart (UTC+14, UTC-10/-9). Every assertion is
# pinned to COACH_NOW, so these runs must agree with `make test` on any day.
ANY_DAY_RUNS = "faketime -f +40d" "faketime -f +400d" "env TZ=Pacific/Kiritimati" "env TZ=America/Adak"
test-any-day:
	@scripts/setup.sh --test --any-day
	$(SWIFT) build --product coach
	@for run in $(ANY_DAY_RUNS); do \
	  echo "== $$run python3 -m pytest -q e2e"; \
	  $$run python3 -m pytest -q -p no:cacheprovider e2e || exit 1; \
	done

# The fuzz suite of `make test` (e2e/test_fuzz.py: generated sessions, concurrent writers) run
# for longer with a fresh seed, at low priority: FUZZ_SECONDS=1800 make fuzz (FUZZ_SEED replays).
FUZZ_SECONDS ?= 1800
FUZZ_SEED ?= $(shell date +%s)
fuzz:
	@scripts/setup.sh --test
	$(SWIFT) build --build-tests
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_SEED=$(FUZZ_SEED) nice -n 19 python3 -m pytest -q -s e2e/test_fuzz.py

# Formatting: swift-format from the toolchain, configured in .swift-format. `make format`
# rewrites the sources; `make format-check` (run by CI) fails on any file that is not formatted.
FORMAT_PATHS = Sources Tests Benchmarks Package.swift
format:
	$(SWIFT) format format --in-place --recursive --parallel $(FORMAT_PATHS)

format-check:
	$(SWIFT) format lint --strict --recursive --parallel $(FORMAT_PATHS)

bench: setup
	@scripts/static-libs.sh $(STATIC_LIBS)
	$(RELEASE_ENV) $(SWIFT) build $(RELEASE_FLAGS) --product coach
	$(RELEASE_ENV) $(SWIFT) build $(RELEASE_FLAGS) --product coach-bench
	.build/release/coach-bench --coach $(BIN) --record BENCHMARKS.md

install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/coach
	install -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/coach
	rm -rf $(DESTDIR)$(PREFIX)/share/coach/playbooks $(DESTDIR)$(PREFIX)/share/coach/schema
	cp -R playbooks schema $(DESTDIR)$(PREFIX)/share/coach/
	@echo "installed $(DESTDIR)$(PREFIX)/bin/coach"

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/coach
	rm -rf $(DESTDIR)$(PREFIX)/share/coach

clean:
	rm -rf .build
