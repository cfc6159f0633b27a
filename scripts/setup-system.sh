#!/usr/bin/env bash
# Makes sure the system has what hqlrun builds with: the Swift toolchain, pkg-config, and the development files
# of SQLite and libedit (the CSQLite and CLibEdit targets find them through pkg-config).
#
# Quiet and quick when everything is there, so `make` can run it every time. When something is missing it
# installs exactly that with apt-get if it runs as root, and otherwise prints the command to run and fails.
set -euo pipefail

# A Debian 12 image may ship Swift at /opt/swift without putting it on PATH.
if ! command -v swift >/dev/null 2>&1 && [[ -x /opt/swift/usr/bin/swift ]]; then
    PATH="/opt/swift/usr/bin:${PATH}"
fi

missing=()

# Whether a Debian package is installed, for when pkg-config itself is missing and cannot be asked.
deb_installed() {
    [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

# Checks a library by its pkg-config name, falling back to the Debian package when pkg-config is absent.
check_library() {
    local pc_name="$1" package="$2"
    if command -v pkg-config >/dev/null 2>&1; then
        pkg-config --exists "${pc_name}" || missing+=("${package}")
    else
        deb_installed "${package}" || missing+=("${package}")
    fi
}

if ! command -v swift >/dev/null 2>&1; then
    echo "setup-system: swift is not on PATH and not at /opt/swift/usr/bin." >&2
    echo "setup-system: install Swift 6 (https://www.swift.org/install/linux/) and put its bin folder on PATH." >&2
    exit 1
fi
command -v pkg-config >/dev/null 2>&1 || missing+=("pkg-config")
check_library sqlite3 libsqlite3-dev
check_library libedit libedit-dev

if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi

if [[ "$(id -u)" -ne 0 ]]; then
    echo "setup-system: missing system packages: ${missing[*]}" >&2
    echo "setup-system: run this, then try again:" >&2
    echo "    sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup-system: missing ${missing[*]}, and apt-get is not available to install them." >&2
    exit 1
fi

echo "setup-system: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

# Check again, so a package that installed but did not provide what we need fails here, not in the build.
if ! pkg-config --exists sqlite3 libedit; then
    echo "setup-system: pkg-config still cannot find sqlite3 and libedit after installing." >&2
    exit 1
fi
