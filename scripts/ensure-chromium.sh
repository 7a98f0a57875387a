#!/usr/bin/env bash
# The IDE test drives Debian's chromium (playwright-core brings no browser of its own). A fresh
# machine has nothing installed by hand, so the test command installs it when it is missing.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "chromium is missing at $CHROMIUM: install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH" >&2
  exit 1
fi
echo "installing Debian's chromium for the IDE test (once per machine)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null
"$CHROMIUM" --version >&2
