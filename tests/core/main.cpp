// main.cpp: doctest's runner for the core suites (one file per core module beside this one).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
