// Reader building blocks: date parsing, defect repair, the value scanner, UTF-8 location.
#include <doctest/doctest.h>

#include <string>

#include "linkdrift/reader/date_parse.h"
#include "linkdrift/reader/defect_repair.h"
#include "linkdrift/reader/utf8_check.h"
#include "linkdrift/reader/value_scanner.h"

using namespace linkdrift::reader;

TEST_CASE("reader parts: dates") {
  std::int64_t t = -1;
  CHECK(parse_unix_seconds("1700000000", t));
  CHECK(t == 1700000000);
  CHECK(parse_unix_seconds("0", t));
  CHECK(t == 0);
  CHECK_FALSE(parse_unix_seconds("", t));
  CHECK_FALSE(parse_unix_seconds("17a", t));
  CHECK_FALSE(parse_unix_seconds("1234567890123456789", t));
  CHECK(parse_iso_datetime_as_utc("1970-01-01T00:00:00", t));
  CHECK(t == 0);
  CHECK(parse_iso_datetime_as_utc("2024-03-02T14:05:09", t));
  CHECK(t == 1709388309);
  CHECK(parse_iso_datetime_as_utc("2000-02-29T12:00:00Z", t));
  CHECK(t == 951825600);
  CHECK(parse_iso_datetime_as_utc("1969-12-31T23:59:59", t));
  CHECK(t == -1);
  CHECK_FALSE(parse_iso_datetime_as_utc("2023-02-29T00:00:00", t));
  CHECK_FALSE(parse_iso_datetime_as_utc("2023-13-01T00:00:00", t));
  CHECK_FALSE(parse_iso_datetime_as_utc("2023-01-01T24:00:00", t));
  CHECK_FALSE(parse_iso_datetime_as_utc("2023-01-01", t));
  CHECK_FALSE(parse_iso_datetime_as_utc("2023-01-01T00:00:00+03:00", t));
}

TEST_CASE("reader parts: defect repair") {
  std::string out;
  CHECK_FALSE(repair_message(R"({"text":"clean \\x41 \" \\"})", out));
  CHECK(repair_message(R"({"text":"a\x07b\\\x1Fc"})", out));
  CHECK(out == R"({"text":"a\u0007b\\\u001Fc"})");
  CHECK_FALSE(repair_message(R"({"text":"a\xZZ"})", out));  // not hex: left for the parser to reject
  CHECK(repair_message("{\"document_id\": (File not included.)\n}", out));
  CHECK(out == "{\"document_id\": \"(File not included.)\"\n}");
  CHECK(repair_message("{\"document_id\": dir/a \"b\" \\c.webp,\n \"text\": \"x\"}", out));
  CHECK(out == "{\"document_id\": \"dir/a \\\"b\\\" \\\\c.webp\",\n \"text\": \"x\"}");
  CHECK(repair_message(R"({"document_id":stickers/s.webp})", out));
  CHECK(out == R"({"document_id":"stickers/s.webp"})");
  CHECK_FALSE(repair_message(R"({"document_id": "123", "x": "document_id"})", out));
}

TEST_CASE("reader parts: value scanner") {
  ValueScanner s;
  const std::string v = R"({"a":"}\"]","b":[{"c":"\\"}],"d":1} tail)";
  s.start_container();
  const std::size_t used = s.scan(v.data() + 1, v.size() - 1);
  CHECK(s.done());
  CHECK(used + 1 == v.find(" tail"));
  CHECK_FALSE(s.saw_hex_escape());
  // Byte by byte, with a \x split from its backslash.
  const std::string w = R"({"t":"a\x01\\x02\\\"]"} )";
  s.start_container();
  std::size_t i = 1;
  for (; i < w.size() && !s.done(); ++i) CHECK(s.scan(w.data() + i, 1) == 1);
  CHECK(s.done());
  CHECK(i == w.size() - 1);
  CHECK(s.saw_hex_escape());
  // A string value on its own.
  s.start_string();
  const std::string str = R"(ab\"c" rest)";
  CHECK(s.scan(str.data(), str.size()) == 6);
  CHECK(s.done());
}

TEST_CASE("reader parts: invalid UTF-8 location") {
  CHECK(find_invalid_utf8("abc", 3) == 3);
  const std::string ok = "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
  CHECK(find_invalid_utf8(ok.data(), ok.size()) == ok.size());
  const std::string bad[] = {"a\x80", "a\xC0\xAF", "a\xE0\x80\x80", "a\xED\xA0\x80", "a\xF4\x90\x80\x80", "a\xE2\x82"};
  for (const auto& b : bad) {
    CAPTURE(b);
    CHECK(find_invalid_utf8(b.data(), b.size()) == 1);
  }
}
