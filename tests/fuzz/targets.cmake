# The fuzz targets, one line each; included by CMakeLists.txt here (the clang build) and by
# fuzztests.cmake (the ctest tests). A target NAME has its harness in fuzz_NAME.cpp, links the
# engine MODULES it needs (folders of engine/), and starts from SEEDS: files or folders (every
# file below), relative to the repository root; from a .cpp or .inc file its string literals.
retort_fuzz_target(revisionscript MODULES core revision
    SEEDS tests/data/revisions tests/data/runner tests/engine/tst_revisionscript.cpp)
retort_fuzz_target(statementsplitter MODULES core sql
    SEEDS tests/engine/tst_sql_rows.inc tests/data/render tests/data/runner tests/data/schema)
retort_fuzz_target(configloader MODULES core config SEEDS tests/engine/tst_config.cpp)
retort_fuzz_target(databaseurl MODULES core config SEEDS tests/engine/tst_config.cpp)
retort_fuzz_target(alembicscript MODULES core revision alembic
    SEEDS tests/data/alembic tests/engine/tst_alembic.cpp)
