# CPack (issue 20). From a build tree: `cpack -G DEB` (Linux: packages kairos and kairos-server),
# `cpack -G TGZ` (Linux: one archive), `cpack -G NSIS` (Windows), `cpack -G DragNDrop` (macOS).
# tests/packaging/check_deb.sh builds, unpacks, runs and lints the DEBs in CI.
set(CPACK_PACKAGE_NAME kairos)
set(CPACK_PACKAGE_VENDOR "The Kairos developers")
set(CPACK_PACKAGE_CONTACT "The Kairos developers <kairos@users.noreply.github.com>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# No CPACK_PACKAGE_DESCRIPTION_SUMMARY: CPack DEB would put it in front of each component's
# own synopsis (lintian: description-synopsis-is-duplicated). The packages' descriptions are
# CPACK_DEBIAN_<COMPONENT>_DESCRIPTION below.
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/kairos-calendar/kairos")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGE_INSTALL_DIRECTORY Kairos)
set(CPACK_PACKAGE_EXECUTABLES kairos Kairos)
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/build/;/\\\\.git/")
set(CPACK_COMPONENTS_ALL server)
if(KAIROS_BUILD_GUI OR NOT UNIX OR APPLE)
  list(PREPEND CPACK_COMPONENTS_ALL app)
endif()
set(CPACK_COMPONENT_APP_DISPLAY_NAME "Kairos")
set(CPACK_COMPONENT_SERVER_DISPLAY_NAME "Kairos room server")
set(CPACK_COMPONENT_APP_DESCRIPTION "The desktop app and kairos-cli")
set(CPACK_COMPONENT_SERVER_DESCRIPTION "kairos-server: hosts team rooms for other computers")

# Debian: one package per component, dependencies from dpkg-shlibdeps plus the Qt plugins
# that are loaded at run time (dpkg-shlibdeps cannot see them).
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1) # 0.1.0-1: not a native Debian package
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${CPACK_PACKAGE_CONTACT})
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_DEBIAN_APP_PACKAGE_NAME kairos)
set(CPACK_DEBIAN_APP_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_APP_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins")
set(CPACK_DEBIAN_APP_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager, qt6-translations-l10n, xdg-utils")
# First line: the synopsis; the rest: the extended description (CPack indents it).
set(CPACK_DEBIAN_APP_DESCRIPTION "team chat with calendars that find a time for everyone
Kairos is a desktop app for teams: chat in a room, connect your own Google
Calendar or Outlook calendar (or use a local one), see the team's free/busy
time and book meetings by typing. kairos-cli does the same without a window
and serves the Model Context Protocol for AI assistants.")
set(CPACK_DEBIAN_SERVER_PACKAGE_NAME kairos-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "libqt6sql6-sqlite, adduser")
set(CPACK_DEBIAN_SERVER_DESCRIPTION "room server for Kairos teams
kairos-server hosts Kairos team rooms over WebSockets (optionally TLS) and
stores their messages in SQLite. The package adds a systemd unit and the
system user kairos-server; the service is not started on installation.")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/packaging/linux/debian/server/postinst)
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# The TGZ is one archive of both components (unpack it anywhere; bin/ holds the programs).
set(CPACK_ARCHIVE_COMPONENT_INSTALL OFF)

# Windows: NSIS installer; kairos:// links registered for the machine.
set(CPACK_NSIS_DISPLAY_NAME "Kairos ${PROJECT_VERSION}")
set(CPACK_NSIS_PACKAGE_NAME "Kairos")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\kairos.exe")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS
    "!include '${PROJECT_SOURCE_DIR}/packaging/windows/url-scheme-install.nsh'")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS
    "!include '${PROJECT_SOURCE_DIR}/packaging/windows/url-scheme-uninstall.nsh'")

# macOS: a disk image with Kairos.app (Info.plist: packaging/macos/Info.plist.in).
set(CPACK_DMG_VOLUME_NAME "Kairos ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT UDZO)

if(WIN32)
  set(CPACK_GENERATOR NSIS)
elseif(APPLE)
  set(CPACK_GENERATOR DragNDrop)
else()
  set(CPACK_GENERATOR "DEB;TGZ")
endif()

include(CPack)
