# hqlrun's entry points. `make demo` runs the main job, `make test` runs the tests (what CI runs).
# Build products go to SwiftPM's default .build folder.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := demo

# A Debian image may ship Swift at /opt/swift without putting it on PATH.
ifneq ($(wildcard /opt/swift/usr/bin/swift),)
export PATH := /opt/swift/usr/bin:$(PATH)
endif

SWIFT ?= swift
# The scripts the demo formats: every .hql file under queries/, in a stable order.
QUERIES := $(shell find queries -name '*.hql' 2>/dev/null | LC_ALL=C sort)

.PHONY: setup build demo test bench

## setup: check for (and, as root, install) the system packages the build needs
setup:
	@bash scripts/setup-system.sh

## build: debug build of every target
build: setup
	$(SWIFT) build

## demo: the main job — the customer-account ETL on the embedded default store (./hqlrun-warehouse):
## transform.sql, create_tables.hql into the native and the DynamoDB table, stream notifications, a summary
demo: setup
	$(SWIFT) build -c release --product hqlrun
	@HQLRUN_BIN="$$($(SWIFT) build -c release --show-bin-path)/hqlrun" bash scripts/demo.sh

## test: every unit test, with its output on the console, then a one-line summary (golden tests will follow)
test: setup
	@mkdir -p .build
	$(SWIFT) test 2>&1 | tee .build/test-output.log
	@bash scripts/test-summary.sh .build/test-output.log

## bench: the parser benchmark against sqlglot (see bench/)
bench: setup
	@bash bench/parse.sh
