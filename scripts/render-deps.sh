#!/bin/sh
# Debian packages the export render test (test/render) needs: LibreOffice to
# convert .docx to PDF, poppler for pdftotext/pdftoppm, and free CJK and Latin
# fonts that stand in for 仿宋, 小标宋, 黑体, 楷体 and Times New Roman
# (test/render/fonts.conf maps the names). Idempotent; run as root.
set -eu
PKGS="libreoffice-writer poppler-utils fonts-noto-cjk fonts-arphic-uming fonts-arphic-ukai fonts-liberation"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y --no-install-recommends $missing
fi
