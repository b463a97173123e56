// Catch2 v2's single header on top of Catch2 v3, so that the tests build with either.
#pragma once
#include <catch2/catch_all.hpp>

// v2 put Approx in the global namespace.
using Catch::Approx;
