// The Catch2 main for devo_tests.
#define CATCH_CONFIG_MAIN
#include "support/catch.hpp"
