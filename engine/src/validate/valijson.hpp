#pragma once

// valijson's headers, for the schema validator and the tests that check
// devo's outputs against its schemas.
//
// GCC 12 at -O2 warns, wrongly, of overlapping copies inside valijson's JSON
// pointer code (-Wrestrict on std::string::replace; GCC bug 105329).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
