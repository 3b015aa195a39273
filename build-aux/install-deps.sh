#!/bin/sh
# Installs what Nianbao needs to build, run and test on Debian 12 (bookworm), and what
# bench/ uses (pdftotext from poppler-utils, /usr/bin/time).
set -e
SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends \
  meson ninja-build pkg-config gcc g++ clang libclang-rt-14-dev python3 \
  libglib2.0-dev libglib2.0-bin libjson-glib-dev libgtk-4-dev \
  libpoppler-private-dev libgsf-1-dev libxml2-dev libxlsxwriter-dev libcairo2-dev libpango1.0-dev \
  libsqlite3-dev \
  gettext desktop-file-utils appstream \
  xvfb xauth fonts-wqy-microhei fonts-noto-cjk hicolor-icon-theme adwaita-icon-theme \
  locales-all \
  poppler-utils time
