# Retort: two commands on a fresh Debian 12 machine.
#   make run    install what is missing, build, start the GUI on a copy of the example project
#   make test   install, build, start throwaway PostgreSQL + MariaDB, run every test, stop them
BUILD ?= build
BUILD_TYPE ?= RelWithDebInfo
WERROR := $(if $(CI),ON,OFF)
CTEST_ARGS ?=

DEPS_BUILD := g++ cmake ninja-build ccache pkg-config qt6-base-dev qt6-qpa-plugins \
  libqscintilla2-qt6-dev libdtl-dev libqt6sql6-sqlite libqt6sql6-psql libqt6sql6-mysql fonts-dejavu-core
DEPS_TEST := postgresql mariadb-server mariadb-client sqlite3 libsqlite3-dev libpg-query-dev \
  xvfb xauth imagemagick python3 python3-alembic alembic python3-sqlmodel \
  eatmydata python3-psycopg2 python3-pymysql desktop-file-utils appstream dpkg-dev file groff-base librsvg2-bin \
  clang libclang-rt-14-dev zsh fish debootstrap

.PHONY: all deps deps-build build run test bench package clean

all: build

deps-build:
	@scripts/install-deps.sh $(DEPS_BUILD)

deps:
	@scripts/install-deps.sh $(DEPS_BUILD) $(DEPS_TEST)

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DRETORT_WERROR=$(WERROR) \
	  $$(command -v ccache >/dev/null && echo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

build: deps-build $(BUILD)/build.ninja
	cmake --build $(BUILD) --parallel

run: build
	@scripts/run-example.sh $(BUILD)

test: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) --parallel
	scripts/with-test-dbs.sh env RETORT_REQUIRE_SERVERS=1 \
	  ctest --test-dir $(BUILD) --output-on-failure --no-tests=error $(CTEST_ARGS)

bench: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) --parallel
	bench/run.sh $(BUILD)

package: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) --parallel --target package

clean:
	rm -rf $(BUILD)
