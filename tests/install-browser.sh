#!/usr/bin/env bash
# The browser tests (public page, staff console) drive Debian's chromium through Debian's chromedriver (Selenium
# WebDriver), with Debian's Noto CJK fonts so that Chinese renders in the screenshots: installs what is missing (needs
# root, as on CI). Nothing is downloaded outside the packages.
set -uo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && [ -d /usr/share/fonts/opentype/noto ]; then exit 0; fi
echo "installing chromium, chromium-driver and fonts-noto-cjk for the browser tests" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2 && apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >&2 ||
  { echo "could not install chromium, chromium-driver and fonts-noto-cjk: the browser tests will fail" >&2; exit 1; }
