// plan_pieces (inputs/piece_plan.h): the one split policy of the CLI's threads and
// the page's workers. Expected pieces worked out by hand from the byte cuts.
#include <doctest/doctest.h>

#include "linkdrift/inputs/piece_plan.h"

namespace linkdrift {
namespace {

constexpr std::uint64_t MiB = std::uint64_t{1} << 20;

bool same(const Piece& p, std::size_t input, std::uint64_t begin, std::uint64_t end, bool whole, std::size_t part) {
  return p.input == input && p.begin == begin && p.end == end && p.whole == whole && p.part == part;
}

}  // namespace

TEST_CASE("plan_pieces: a file straddling a cut is split there; small or unsplittable files stay whole") {
  auto plan = plan_pieces({16 * MiB}, {true}, 2);
  REQUIRE(plan.size() == 2);
  CHECK(same(plan[0], 0, 0, 8 * MiB, false, 0));
  CHECK(same(plan[1], 0, 8 * MiB, 16 * MiB, false, 1));

  plan = plan_pieces({16 * MiB}, {false}, 2);  // an HTML page or an archive
  REQUIRE(plan.size() == 1);
  CHECK(same(plan[0], 0, 0, 16 * MiB, true, 0));

  plan = plan_pieces({3 * MiB}, {true}, 4);  // under kMinSplitBytes
  REQUIRE(plan.size() == 1);
  CHECK(same(plan[0], 0, 0, 3 * MiB, true, 0));

  // 16 MiB laid end to end, cut at 8 MiB: the second file (bytes 1..16 MiB) straddles it.
  plan = plan_pieces({1 * MiB, 15 * MiB}, {true, true}, 2);
  REQUIRE(plan.size() == 3);
  CHECK(same(plan[0], 0, 0, 1 * MiB, true, 0));
  CHECK(same(plan[1], 1, 0, 7 * MiB, false, 0));
  CHECK(same(plan[2], 1, 7 * MiB, 15 * MiB, false, 1));
}

TEST_CASE("plan_pieces: files fitting in one part stay whole; one part or empty files never split") {
  auto plan = plan_pieces({8 * MiB, 8 * MiB}, {true, true}, 2);
  REQUIRE(plan.size() == 2);
  CHECK(same(plan[0], 0, 0, 8 * MiB, true, 0));
  CHECK(same(plan[1], 1, 0, 8 * MiB, true, 1));

  plan = plan_pieces({100 * MiB, 0, 5}, {true, true, true}, 1);
  REQUIRE(plan.size() == 3);
  for (const Piece& p : plan) CHECK(p.whole);
  for (const Piece& p : plan) CHECK(p.part == 0);

  plan = plan_pieces({0, 0}, {true, true}, 3);
  REQUIRE(plan.size() == 2);
  CHECK(same(plan[1], 1, 0, 0, true, 0));
  CHECK(plan_pieces({}, {}, 2).empty());
}

}  // namespace linkdrift
