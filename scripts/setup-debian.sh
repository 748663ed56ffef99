#!/usr/bin/env bash
# Installs, from Debian 12 packages, everything Compression Lab needs to build, test and run.
# Does nothing when all of it is already there. Uses sudo when not run as root.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config clang-format clang-14 libclang-rt-14-dev
    qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev python3
    libqt6opengl6-dev libgl-dev qt6-qpa-plugins fonts-dejavu-core
    libeigen3-dev libhdf5-dev libtbb-dev nlohmann-json3-dev libcli11-dev
    xvfb xauth
    lintian appstream desktop-file-utils
    poppler-utils
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "setup-debian: all ${#packages[@]} packages are installed"
    exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd=(sudo)
fi
echo "setup-debian: installing ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
