#include <doctest/doctest.h>

#include "support.h"

TEST_CASE("pipeline: resources load from ontology/") {
  CHECK_NOTHROW(hearsay::testing::TestResources());
}
