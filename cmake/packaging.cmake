# Debian packages, one per install component, made by `cpack -G DEB` in a
# build directory (scripts/package.sh). Installed under /usr; stripped.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME chuangwen)
set(CPACK_PACKAGE_VENDOR "chuangwen developers")
set(CPACK_PACKAGE_CONTACT "chuangwen developers <chuangwen@example.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Management of 创建文明城市 campaigns: responsibilities, schedules, supervision, ranking")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_OUTPUT_FILE_PREFIX packages)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime dev cxxdev cli python)
if(TARGET chuangwen_java)
  list(APPEND CPACK_COMPONENTS_ALL java)
endif()
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://example.invalid/chuangwen")
# Run-time dependencies of the binaries, from the libraries they link.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS ON)
# A shlibs file and the ldconfig trigger for the shared library.
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)

set(cw_so libchuangwen${PROJECT_VERSION_MAJOR})
set(cw_exact "(= ${PROJECT_VERSION})")

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME ${cw_so})
set(CPACK_COMPONENT_RUNTIME_DESCRIPTION
    "chuangwen (创文) shared library\nThe C API (libchuangwen.so.${PROJECT_VERSION_MAJOR}): campaigns, responsibility graph, working-day calendar, supervision ledger, assessment and ranking.")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME libchuangwen-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "${cw_so} ${cw_exact}")
set(CPACK_COMPONENT_DEV_DESCRIPTION
    "chuangwen C API development files\nchuangwen/cw.h, the CMake package (C target), pkg-config and the .proto files. Needs no Boost, Protobuf or SQLite development packages.")

set(CPACK_DEBIAN_CXXDEV_PACKAGE_NAME libchuangwen-cxx-dev)
set(CPACK_DEBIAN_CXXDEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_CXXDEV_PACKAGE_DEPENDS
    "libchuangwen-dev ${cw_exact}, libprotobuf-dev, libboost-date-time-dev, libboost-graph-dev, libsqlite3-dev, libhowardhinnant-date-dev, libzip-dev, libxml2-dev, libhwy-dev")
set(CPACK_COMPONENT_CXXDEV_DESCRIPTION
    "chuangwen C++ development files\nThe C++ headers and the static library (chuangwen::chuangwen_static, the CMake component cxx).")

set(CPACK_DEBIAN_CLI_PACKAGE_NAME chuangwen-cli)
set(CPACK_DEBIAN_CLI_PACKAGE_SECTION utils)
set(CPACK_COMPONENT_CLI_DESCRIPTION
    "chuangwen command-line tool (cw)\nImports plans, keeps the supervision ledger, ranks units and writes the documents of a 创建办.")

set(CPACK_DEBIAN_PYTHON_PACKAGE_NAME python3-chuangwen)
set(CPACK_DEBIAN_PYTHON_PACKAGE_SECTION python)
set(CPACK_DEBIAN_PYTHON_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_PYTHON_PACKAGE_DEPENDS "${cw_so} ${cw_exact}, python3")
set(CPACK_DEBIAN_PYTHON_PACKAGE_SUGGESTS "python3-numpy")
set(CPACK_COMPONENT_PYTHON_DESCRIPTION
    "chuangwen Python package\nctypes bindings over libchuangwen, typed, with numpy arrays for ranking.")

set(CPACK_DEBIAN_JAVA_PACKAGE_NAME libchuangwen-java)
set(CPACK_DEBIAN_JAVA_PACKAGE_SECTION java)
set(CPACK_DEBIAN_JAVA_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_JAVA_PACKAGE_DEPENDS "${cw_so} ${cw_exact}, libjna-java, libprotobuf-java")
set(CPACK_COMPONENT_JAVA_DESCRIPTION
    "chuangwen Java binding\nJNA over libchuangwen for OA back ends (Java 8 and later): chuangwen.jar and the chuangwen.v1 messages in chuangwen-v1.jar.")

include(CPack)
