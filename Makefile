# Roomdesk: the two commands a newcomer needs are `make run` and `make test`.
# Each target installs what a fresh Debian/Ubuntu machine lacks (scripts/setup.sh).
# The logic lives in scripts/; this file only names it.

SHELL := /bin/bash
.DEFAULT_GOAL := help
.PHONY: help setup run test lint fmt e2e test-e2e bench bench-desktop build package clean

help: ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

setup: ## install every system package, toolchain part and npm package the project needs
	scripts/setup.sh all

run: ## build the UI and the desktop app and open Roomdesk on the Sandbox (no account)
	scripts/run.sh

test: ## everything CI checks: fmt, clippy, architecture, bindings, UI tests, Rust tests, keyring, end to end
	scripts/test.sh all

lint: ## fmt check, clippy -D warnings, architecture and bindings checks, UI typecheck + lint
	scripts/setup.sh desktop
	scripts/test.sh lint

fmt: ## format the Rust workspace and (if it has a format script) the UI
	scripts/setup.sh rust
	cargo fmt --all
	@if [ -f ui/package.json ] && grep -q '"format"' ui/package.json; then scripts/setup.sh ui && npm --prefix ui run format; fi

build: ## build the UI and the desktop app (target/debug/roomdesk-app)
	scripts/setup.sh desktop
	scripts/build-desktop.sh all

package: ## build the installable .deb (release app + roomdesk CLI) into target/release/bundle/deb/
	scripts/package.sh

e2e: ## build the app and run only the end-to-end suite under Xvfb
	scripts/setup.sh e2e
	scripts/test.sh app-build e2e

test-e2e: e2e ## same as make e2e

bench: ## every benchmark (client list_all, store, desktop start/memory); prints figures, not part of test
	scripts/bench.sh

bench-desktop: ## only the desktop benchmark (Roomdesk vs a minimal Tauri app)
	scripts/bench-desktop.sh

clean: ## remove build output (target/, ui/dist, ui/node_modules, test artifacts)
	cargo clean
	rm -rf ui/dist ui/node_modules tests/artifacts
