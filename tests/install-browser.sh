#!/usr/bin/env bash
# The public page's browser tests drive Debian's chromium through Debian's chromedriver (Selenium WebDriver):
# installs both where they are missing (needs root, as on CI). Nothing is downloaded outside the packages.
set -uo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then exit 0; fi
echo "installing chromium and chromium-driver for the browser tests" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2 && apt-get install -y -qq chromium chromium-driver >&2 ||
  { echo "could not install chromium and chromium-driver: the browser tests will fail" >&2; exit 1; }
