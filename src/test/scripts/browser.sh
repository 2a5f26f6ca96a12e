#!/usr/bin/env bash
# The browser tests drive Debian's chromium through chromedriver. The build runs this before the
# tests: where they are missing and this is a Debian machine with root (as CI's), it installs them,
# so `mvn -B verify` needs nothing installed by hand; elsewhere it says what is missing, and the
# browser tests fail saying so too.
set -euo pipefail
if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing chromium and chromium-driver for the browser tests (Japanese fonts for their screenshots)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null
else
  echo "chromium and chromium-driver are missing and cannot be installed here: the browser tests will fail" >&2
fi
