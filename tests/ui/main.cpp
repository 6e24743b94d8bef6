// main.cpp: doctest's runner for the UI suites: frames of the real views with no GPU.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
