#!/usr/bin/env bash
# Installs what the real-WordPress e2e specs need, once, into this folder (all git-ignored):
# - node_modules/: WordPress Playground's CLI (PHP as WebAssembly, SQLite), from this folder's lock;
# - .cache/wordpress/: Debian's WordPress 6.1 files and its twentytwentyone theme (the CLI would
#   otherwise ask wordpress.org for a release, which CI cannot reach).
# Safe to run again: each step is skipped when its result is there.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x node_modules/.bin/wp-playground-cli ]; then
  echo "wordpress: installing @wp-playground/cli (~580 MB, test-only)"
  npm ci --no-audit --no-fund --loglevel=error
fi

SITE=.cache/wordpress
if [ ! -f "$SITE/wp-settings.php" ] || [ ! -d "$SITE/wp-content/themes/twentytwentyone" ]; then
  echo "wordpress: fetching Debian's wordpress and wordpress-theme-twentytwentyone"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  # apt-get download needs package lists; a clean machine may have none yet.
  if ! (cd "$tmp" && apt-get download wordpress wordpress-theme-twentytwentyone >/dev/null 2>&1); then
    apt-get update -qq
    (cd "$tmp" && apt-get download wordpress wordpress-theme-twentytwentyone >/dev/null)
  fi
  for deb in "$tmp"/*.deb; do dpkg-deb -x "$deb" "$tmp/x"; done
  rm -rf "$SITE" && mkdir -p "$(dirname "$SITE")"
  mv "$tmp/x/usr/share/wordpress" "$SITE"
  # Debian's wp-config.php reads /etc/wordpress; Playground writes its own from the sample.
  rm -f "$SITE/wp-config.php"
  # The theme package installs beside the core package's tree, under the same path.
  if [ ! -d "$SITE/wp-content/themes/twentytwentyone" ]; then
    find "$tmp/x" -type d -name twentytwentyone -path '*themes*' -exec cp -a {} "$SITE/wp-content/themes/" \; -quit
  fi
  # Links to other Debian packages (underscore, getID3, …) that are not installed.
  find "$SITE" -xtype l -delete
fi
echo "wordpress: ready ($SITE)"
