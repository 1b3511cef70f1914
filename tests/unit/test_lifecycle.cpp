// Lifecycle successors (core/linkdrift/report/lifecycle.h): the loose name
// match. The ranking and the rest of the lifecycle are asserted on
// tests/fixtures/migration_stories.json (test_fixtures.cpp).
#include <doctest/doctest.h>

#include "linkdrift/report/lifecycle.h"

using linkdrift::names_match_loosely;

TEST_CASE("lifecycle: names match loosely: words folded, Cyrillic transliterated, generic words dropped") {
  CHECK(names_match_loosely("Crimson Gang", "Crimson Gang Official"));
  CHECK(names_match_loosely("Al Ahad", "Al Ahad Security"));
  CHECK(names_match_loosely("Al Ahad Security", "Al Ahad"));  // either way round
  CHECK(names_match_loosely("Bl00dy Ransomware Gang", "BL00DY RANSOMWARE GANG"));
  CHECK(names_match_loosely("Кракен", "Kraken Backup"));
  CHECK(names_match_loosely("Хакеры Юга", "Hakery Yuga — новый канал"));
  CHECK(names_match_loosely("Al Ahad", "Al Ahad עברית"));
  CHECK(names_match_loosely("Sombra Roja", "Sombra Roja - Canal Oficial"));
  // Not: different words, only generic words, or only short ones in common.
  CHECK_FALSE(names_match_loosely("Quiet Leaks", "Loud Leaks"));
  CHECK_FALSE(names_match_loosely("Official Channel", "Crimson Official"));
  CHECK_FALSE(names_match_loosely("Al", "Al Ahad"));
  CHECK_FALSE(names_match_loosely("", "Al Ahad"));
  CHECK_FALSE(names_match_loosely("Crimson Gang", "Crimsongang Reborn"));
}
