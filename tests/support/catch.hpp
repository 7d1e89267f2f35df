#pragma once
// The one place that knows which Catch2 the tests build against.
#if __has_include(<catch2/catch_all.hpp>)
#include <catch2/catch_all.hpp>  // Catch2 v3
#else
#include <catch2/catch.hpp>  // Catch2 v2 (Debian 12 packages 2.13)
#endif
